import type { Database } from "@/db/client";
import { insertStudy } from "@/db/queries/studies";
import { ZCreateStudyInput } from "./schemas";

export async function createStudy(db: Database, params: { workspaceId: string; input: unknown }) {
  const input = ZCreateStudyInput.parse(params.input);
  return insertStudy(db, { workspaceId: params.workspaceId, name: input.name, description: input.description });
}
