"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/auth/access";
import { can } from "@/lib/auth/roles";
import { savePersona } from "@/lib/personas/save-persona";
import { ZSavePersonaActionInput } from "@/lib/personas/schemas";

/** Saves the segment's persona (upsert) and, if the form renamed the segment, the new name in the same transaction. */
export const savePersonaAction = workspaceAction(
  { schema: ZSavePersonaActionInput, permission: "persona:write" },
  async (ctx, { segmentId, ...input }) => {
    const saved = await savePersona(ctx.db, {
      workspaceId: ctx.workspace.id,
      segmentId,
      userId: ctx.userId,
      input,
      mayRenameSegment: can(ctx.role, "segments:name"),
    });
    const study = `/w/${ctx.workspace.slug}/studies/${saved.studyId}`;
    revalidatePath(`${study}/personas`, "layout");
    revalidatePath(`${study}/share`);
    return { id: saved.id, segmentId: saved.segmentId, segmentName: saved.segmentName, status: saved.status };
  },
);
