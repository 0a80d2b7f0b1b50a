// Accepts an invitation link for the signed-in user: once, and only for its e-mail when it names one.
import { userRoute } from "@/lib/auth/api-route";
import { clientAddress } from "@/lib/http/client-address";
import { limitInvitationAccept } from "@/lib/rate-limit/limits";
import { acceptInvitation } from "@/lib/workspaces/invitations";

export const POST = userRoute<{ token: string }>({}, async ({ db, user }, { params, request }) => {
  await limitInvitationAccept(db, { userId: user.id, address: clientAddress(request.headers) });
  return acceptInvitation(db, { token: params.token, userId: user.id });
});
