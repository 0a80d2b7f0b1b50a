// Writes a segment's persona (insert or replace; one per segment), optionally renaming the segment in the same transaction.
import { findPersona } from "@/db/queries/personas";
import { apiRoute } from "@/lib/auth/api-route";
import { can } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { personaJson } from "@/lib/personas/persona-json";
import { savePersona } from "@/lib/personas/save-persona";
import { ZSavePersonaInput } from "@/lib/personas/schemas";

export const PUT = apiRoute<{ segmentId: string }, typeof ZSavePersonaInput>(
  { permission: "persona:write", body: ZSavePersonaInput },
  async (ctx, { params, body }) => {
    const saved = await savePersona(ctx.db, {
      workspaceId: ctx.workspace.id,
      segmentId: params.segmentId,
      userId: ctx.userId,
      input: body,
      mayRenameSegment: can(ctx.role, "segments:name"),
    });
    const row = await findPersona(ctx.db, { workspaceId: ctx.workspace.id, personaId: saved.id });
    if (!row) throw new AppError("not_found", "Persona not found.");
    return personaJson(row);
  },
);
