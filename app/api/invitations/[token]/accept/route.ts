// Accepts an invitation link for the signed-in user: once, and only for its e-mail when it names one.
import { userRoute } from "@/lib/auth/api-route";
import { acceptInvitation } from "@/lib/workspaces/invitations";

export const POST = userRoute<{ token: string }>({}, async ({ db, user }, { params }) => acceptInvitation(db, { token: params.token, userId: user.id }));
