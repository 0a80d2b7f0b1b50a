// Erases every response of a customer id in the workspace (all surveys) with their segment assignments; only counts are kept.
import { apiRoute } from "@/lib/auth/api-route";
import { eraseRespondent } from "@/lib/responses/erase-responses";
import { ZEraseCustomerInput } from "@/lib/responses/schemas";

export const POST = apiRoute({ permission: "survey:write", body: ZEraseCustomerInput }, async (ctx, { body }) =>
  eraseRespondent(ctx.db, { workspaceId: ctx.workspace.id, target: { kind: "customer", customerId: body.customerId } }),
);
