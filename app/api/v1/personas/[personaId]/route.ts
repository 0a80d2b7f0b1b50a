// One persona with its key facts; a draft is "not found" for roles that may not write personas.
import { findPersona } from "@/db/queries/personas";
import { apiRoute } from "@/lib/auth/api-route";
import { can } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { personaJson } from "@/lib/personas/persona-json";

export const GET = apiRoute<{ personaId: string }>({ permission: "persona:read" }, async (ctx, { params }) => {
  const row = await findPersona(ctx.db, {
    workspaceId: ctx.workspace.id,
    personaId: params.personaId,
    publishedOnly: !can(ctx.role, "persona:write"),
  });
  if (!row) throw new AppError("not_found", "Persona not found.");
  return personaJson(row);
});
