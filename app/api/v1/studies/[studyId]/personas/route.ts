// A study's personas: all of them for roles that may write personas, published ones only for everyone else.
import { listPersonasOfStudy } from "@/db/queries/personas";
import { findStudy } from "@/db/queries/studies";
import { apiRoute } from "@/lib/auth/api-route";
import { can } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { personaListItemJson } from "@/lib/personas/persona-json";

export const GET = apiRoute<{ studyId: string }>({ permission: "persona:read" }, async (ctx, { params }) => {
  const study = await findStudy(ctx.db, { workspaceId: ctx.workspace.id, studyId: params.studyId });
  if (!study) throw new AppError("not_found", "Study not found.");
  const rows = await listPersonasOfStudy(ctx.db, {
    workspaceId: ctx.workspace.id,
    studyId: study.id,
    publishedOnly: !can(ctx.role, "persona:write"),
  });
  return { personas: rows.map(personaListItemJson) };
});
