import { randomBytes } from "node:crypto";
import type { Database } from "@/db/client";
import { insertWorkspaceWithOwner } from "@/db/queries/workspaces";
import { ZCreateWorkspaceInput } from "./schemas";
import { slugify } from "./slug";

export async function createWorkspace(db: Database, params: { ownerId: string; input: unknown }) {
  const input = ZCreateWorkspaceInput.parse(params.input);
  const base = slugify(input.name);
  // The plain slug first; on a clash, a short random suffix (a few tries cover any realistic collision).
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${randomBytes(3).toString("hex")}`;
    const workspace = await insertWorkspaceWithOwner(db, { slug, name: input.name, ownerId: params.ownerId });
    if (workspace) return workspace;
  }
  throw new Error("Could not find a free workspace slug");
}
