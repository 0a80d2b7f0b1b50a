import { describe, expect, it } from "vitest";
import { workspaceContextForUser } from "@/lib/auth/workspace-context";
import { can, ROLES, type Permission } from "@/lib/auth/roles";
import { createMember, createUser, createWorkspace } from "@/tests/helpers/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

const WRITES: Permission[] = ["workspace:manage", "members:manage", "apikeys:manage", "study:write", "survey:write", "analysis:run", "segments:name", "persona:write"];

describe("role permissions", () => {
  it("lets a viewer change nothing and read no personal data", () => {
    for (const permission of [...WRITES, "responses:read" as const]) expect(can("viewer", permission), permission).toBe(false);
    expect(can("viewer", "persona:read")).toBe(true);
  });
  it("gives every role read access to personas and only owners everything", () => {
    for (const role of ROLES) expect(can(role, "persona:read")).toBe(true);
    expect(can("admin", "workspace:manage")).toBe(false);
    expect(can("facilitator", "survey:write")).toBe(false);
    expect(can("facilitator", "persona:write")).toBe(true);
  });
});

describe.each(testDatabaseKinds())("workspace access on %s", (kind) => {
  const t = useTestDatabase(kind);

  it("treats another workspace as not found and checks the role in this one", async () => {
    const alice = await createUser(t.db, { name: "Alice" });
    const bob = await createUser(t.db, { name: "Bob" });
    const workspaceA = await createWorkspace(t.db, { ownerId: alice.id });
    const workspaceB = await createWorkspace(t.db, { ownerId: bob.id });
    const viewer = await createMember(t.db, { workspaceId: workspaceA.id, role: "viewer" });

    const ctx = await workspaceContextForUser(t.db, alice, workspaceA.slug, "study:write");
    expect(ctx.workspace.id).toBe(workspaceA.id);
    await expect(workspaceContextForUser(t.db, alice, workspaceB.slug, "study:read")).rejects.toMatchObject({ code: "not_found" });
    await expect(workspaceContextForUser(t.db, alice, "no-such-workspace", "study:read")).rejects.toMatchObject({ code: "not_found" });
    for (const permission of WRITES) {
      await expect(workspaceContextForUser(t.db, viewer, workspaceA.slug, permission)).rejects.toMatchObject({ code: "forbidden" });
    }
    expect((await workspaceContextForUser(t.db, viewer, workspaceA.slug, "persona:read")).role).toBe("viewer");
  });
});
