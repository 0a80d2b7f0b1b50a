"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/auth/access";
import { createStudy } from "@/lib/studies/create-study";
import { ZCreateStudyInput } from "@/lib/studies/schemas";

export const createStudyAction = workspaceAction({ schema: ZCreateStudyInput, permission: "study:write" }, async (ctx, input) => {
  const study = await createStudy(ctx.db, { workspaceId: ctx.workspace.id, input });
  revalidatePath(`/w/${ctx.workspace.slug}`);
  return study;
});
