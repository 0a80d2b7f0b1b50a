"use server";

import { workspaceAction } from "@/lib/auth/access";
import { previewMaxDiffDesign, ZPreviewMaxDiffDesignInput } from "@/lib/surveys/maxdiff-question";

/** The designer's MaxDiff preview: generates the design on the server (it can take seconds) and returns its balance. */
export const previewMaxDiffDesignAction = workspaceAction({ schema: ZPreviewMaxDiffDesignInput, permission: "survey:write" }, async (_ctx, input) =>
  previewMaxDiffDesign(input),
);
