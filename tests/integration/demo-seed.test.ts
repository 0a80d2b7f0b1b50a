import { describe, expect, it } from "vitest";
import { listPersonasOfStudy } from "@/db/queries/personas";
import { findMembershipBySlug } from "@/db/queries/workspaces";
import { findUserCredentials } from "@/db/queries/users";
import { verifyCredentials } from "@/lib/accounts/sign-in";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@/db/seed/seed-demo";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

describe.each(testDatabaseKinds())("demo seed on %s", (kind) => {
  const t = useTestDatabase(kind);

  it("builds the vacation-motives workspace with segments and published personas, once", async () => {
    const result = await seedDemo(t.db, { respondents: 300 });
    expect(result.created).toBe(true);
    if (!result.created) return;
    expect(result.respondents).toBe(300);
    const user = await verifyCredentials(t.db, { email: DEMO_USERS.researcher.email, password: DEMO_PASSWORD });
    expect(user).toBeDefined();
    const viewer = (await findUserCredentials(t.db, { email: DEMO_USERS.viewer.email }))!;
    expect(await findMembershipBySlug(t.db, { userId: viewer.id, slug: result.workspaceSlug })).toMatchObject({ role: "viewer" });
    const membership = (await findMembershipBySlug(t.db, { userId: user!.id, slug: result.workspaceSlug }))!;
    const personas = await listPersonasOfStudy(t.db, { workspaceId: membership.id, studyId: result.studyId, publishedOnly: true });
    expect(personas).toHaveLength(6);
    expect(new Set(personas.map((p) => p.name.toLowerCase())).size).toBe(6);
    expect((await seedDemo(t.db)).created).toBe(false);
  });
});
