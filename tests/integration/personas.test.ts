import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { personas, segments } from "@/db/schema";
import {
  findPersona,
  findSegmentWithPersona,
  findSegmentationWithPersonas,
  listPersonasOfStudy,
  listSegmentationsOfStudy,
} from "@/db/queries/personas";
import { renameSegment } from "@/lib/personas/rename-segment";
import { savePersona } from "@/lib/personas/save-persona";
import { createStudyFixture } from "@/tests/helpers/factories";
import { createSegmentationFixture, personaInput } from "@/tests/helpers/persona-fixtures";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

describe.each(testDatabaseKinds())("personas on %s", (kind) => {
  const t = useTestDatabase(kind);

  async function setUp() {
    const { owner, workspace, study } = await createStudyFixture(t.db);
    const { segmentation, segments: segs } = await createSegmentationFixture(t.db, { workspaceId: workspace.id, studyId: study.id });
    return { owner, workspace, study, segmentation, segs };
  }

  it("saves a persona and upserts it on the next save (one persona per segment)", async () => {
    const { owner, workspace, study, segs } = await setUp();
    const base = { workspaceId: workspace.id, segmentId: segs[0]!.id, userId: owner.id, mayRenameSegment: true };
    const first = await savePersona(t.db, { ...base, input: personaInput() });
    expect(first).toMatchObject({ name: "Relaxed Rita", status: "draft", segmentName: "Segment 1", studyId: study.id });
    expect(first.actions).toEqual([{ function: "marketing", action: "Promote quiet cabins", owner: "Maija", kpi: "Cabin bookings +10 %" }]);

    const second = await savePersona(t.db, { ...base, input: personaInput({ goals: ["Sleep", "Read"], status: "published", summary: undefined }) });
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ goals: ["Sleep", "Read"], status: "published", summary: "" });
    const rows = await t.db.select({ id: personas.id }).from(personas).where(eq(personas.segmentId, segs[0]!.id));
    expect(rows).toHaveLength(1);
    // Lists are stored as JSON arrays on both drivers, not as JSON strings.
    const [types] = await t.db
      .select({ goals: sql<string>`jsonb_typeof(${personas.goals})`, actions: sql<string>`jsonb_typeof(${personas.actions})` })
      .from(personas)
      .where(eq(personas.id, first.id));
    expect(types).toMatchObject({ goals: "array", actions: "array" });
  });

  it("renames the segment with the persona, and rejects a duplicate name without writing anything", async () => {
    const { owner, workspace, segs } = await setUp();
    const base = { workspaceId: workspace.id, segmentId: segs[0]!.id, userId: owner.id, mayRenameSegment: true };
    const saved = await savePersona(t.db, { ...base, input: personaInput({ segmentName: "Nature lovers" }) });
    expect(saved.segmentName).toBe("Nature lovers");

    const duplicate = savePersona(t.db, { ...base, input: personaInput({ segmentName: "segment 2", name: "Changed", status: "published" }) });
    await expect(duplicate).rejects.toMatchObject({ code: "conflict", fieldErrors: { segmentName: [expect.stringContaining("segment 2")] } });
    const after = await findSegmentWithPersona(t.db, { workspaceId: workspace.id, segmentId: segs[0]!.id });
    expect(after?.segment.name).toBe("Nature lovers");
    expect(after?.persona).toMatchObject({ name: "Relaxed Rita", status: "draft" });

    await expect(renameSegment(t.db, { workspaceId: workspace.id, segmentId: segs[1]!.id, name: " NATURE LOVERS " })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(renameSegment(t.db, { workspaceId: workspace.id, segmentId: segs[1]!.id, name: "x".repeat(61) })).rejects.toThrow();
    await expect(renameSegment(t.db, { workspaceId: workspace.id, segmentId: segs[1]!.id, name: "  " })).rejects.toThrow();
    expect(await renameSegment(t.db, { workspaceId: workspace.id, segmentId: segs[1]!.id, name: " Culture seekers " })).toEqual({
      id: segs[1]!.id,
      name: "Culture seekers",
    });
    // Renaming a segment to its own name (other case) is not a clash with itself.
    expect((await renameSegment(t.db, { workspaceId: workspace.id, segmentId: segs[1]!.id, name: "culture seekers" })).name).toBe("culture seekers");
  });

  it("refuses a rename to a role without segments:name and saves nothing", async () => {
    const { owner, workspace, segs } = await setUp();
    const attempt = savePersona(t.db, {
      workspaceId: workspace.id,
      segmentId: segs[2]!.id,
      userId: owner.id,
      mayRenameSegment: false,
      input: personaInput({ segmentName: "Sporty" }),
    });
    await expect(attempt).rejects.toMatchObject({ code: "forbidden" });
    expect((await findSegmentWithPersona(t.db, { workspaceId: workspace.id, segmentId: segs[2]!.id }))?.persona).toBeNull();
  });

  it("shows viewers published personas only", async () => {
    const { owner, workspace, study, segmentation, segs } = await setUp();
    const save = (index: number, status: string) =>
      savePersona(t.db, { workspaceId: workspace.id, segmentId: segs[index]!.id, userId: owner.id, mayRenameSegment: true, input: personaInput({ name: `P${index}`, status }) });
    const published = await save(0, "published");
    const draft = await save(1, "draft");

    const all = await listPersonasOfStudy(t.db, { workspaceId: workspace.id, studyId: study.id });
    expect(all.map((p) => p.name)).toEqual(["P0", "P1"]);
    const visible = await listPersonasOfStudy(t.db, { workspaceId: workspace.id, studyId: study.id, publishedOnly: true });
    expect(visible.map((p) => p.id)).toEqual([published.id]);
    expect(visible[0]).toMatchObject({ segmentSize: 50, respondentCount: 100, segmentationId: segmentation.id });

    expect(await findPersona(t.db, { workspaceId: workspace.id, personaId: draft.id, publishedOnly: true })).toBeUndefined();
    expect((await findPersona(t.db, { workspaceId: workspace.id, personaId: draft.id }))?.persona.name).toBe("P1");
    const page = await findPersona(t.db, { workspaceId: workspace.id, personaId: published.id, publishedOnly: true });
    expect(page?.segmentation.variables).toHaveLength(5);
    expect(page?.segment.means).toEqual([0.9, 0.7, 0.2, 0.1, 0.3]);

    const overview = await findSegmentationWithPersonas(t.db, { workspaceId: workspace.id, studyId: study.id, segmentationId: segmentation.id });
    expect(overview?.segments.map((s) => s.persona?.status ?? null)).toEqual(["published", "draft", null]);
  });

  it("keeps workspace B out of workspace A's segments and personas", async () => {
    const a = await setUp();
    const b = await createStudyFixture(t.db);
    const persona = await savePersona(t.db, { workspaceId: a.workspace.id, segmentId: a.segs[0]!.id, userId: a.owner.id, mayRenameSegment: true, input: personaInput({ status: "published" }) });
    const other = b.workspace.id;

    expect(await listSegmentationsOfStudy(t.db, { workspaceId: other, studyId: a.study.id })).toEqual([]);
    expect(await findSegmentationWithPersonas(t.db, { workspaceId: other, studyId: a.study.id, segmentationId: a.segmentation.id })).toBeUndefined();
    expect(await findSegmentWithPersona(t.db, { workspaceId: other, segmentId: a.segs[0]!.id })).toBeUndefined();
    expect(await findPersona(t.db, { workspaceId: other, personaId: persona.id })).toBeUndefined();
    expect(await listPersonasOfStudy(t.db, { workspaceId: other, studyId: a.study.id })).toEqual([]);

    await expect(
      savePersona(t.db, { workspaceId: other, segmentId: a.segs[0]!.id, userId: b.owner.id, mayRenameSegment: true, input: personaInput({ name: "Hijack", segmentName: "Hijacked" }) }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(renameSegment(t.db, { workspaceId: other, segmentId: a.segs[1]!.id, name: "Hijacked" })).rejects.toMatchObject({ code: "not_found" });

    const [segment] = await t.db.select({ name: segments.name }).from(segments).where(eq(segments.id, a.segs[1]!.id));
    expect(segment?.name).toBe("Segment 2");
    expect((await findPersona(t.db, { workspaceId: a.workspace.id, personaId: persona.id }))?.persona.name).toBe("Relaxed Rita");
  });

  it("treats malformed ids as not found instead of failing in SQL", async () => {
    const { workspace, study } = await setUp();
    expect(await findPersona(t.db, { workspaceId: workspace.id, personaId: "nope" })).toBeUndefined();
    expect(await findSegmentWithPersona(t.db, { workspaceId: workspace.id, segmentId: "1" })).toBeUndefined();
    expect(await findSegmentationWithPersonas(t.db, { workspaceId: workspace.id, studyId: study.id, segmentationId: "x" })).toBeUndefined();
    await expect(renameSegment(t.db, { workspaceId: workspace.id, segmentId: "x", name: "Fine" })).rejects.toMatchObject({ code: "not_found" });
  });
});
