// The MaxDiff designs of a published survey, for custom front ends (?key= adds the version for that submission key).
import { publicRoute } from "@/lib/auth/api-route";
import { clientAddress } from "@/lib/http/client-address";
import { limitRespondent } from "@/lib/rate-limit/limits";
import { loadPublicMaxDiffDesigns } from "@/lib/surveys/public-maxdiff-designs";

const MAX_KEY_LENGTH = 200;

export const GET = publicRoute<{ publicId: string }>({}, async (ctx, { params, request }) => {
  await limitRespondent(ctx.db, { address: clientAddress(request.headers) });
  const key = new URL(request.url).searchParams.get("key")?.trim();
  return loadPublicMaxDiffDesigns(ctx.db, { publicId: params.publicId, submissionKey: key && key.length <= MAX_KEY_LENGTH ? key : undefined });
});
