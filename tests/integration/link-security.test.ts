import { afterEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { countDatasetResponses } from "@/db/queries/analysis-dataset";
import { respondentJoin } from "@/db/queries/customer-metric-views";
import { getMetricSettings, saveMetricSettings } from "@/db/queries/customer-metrics";
import { listContacts, listOutbox } from "@/db/queries/distribution";
import { listResponsesFiltered } from "@/db/queries/response-list";
import { respondentCustomerMetrics } from "@/db/queries/respondent-customer-metrics";
import { listAssignedRespondents, listStudyRespondentMetrics } from "@/db/queries/segment-descriptors";
import type { PublicUser } from "@/db/queries/users";
import { segmentAssignments, segmentations, segments } from "@/db/schema";
import { signContactToken } from "@/lib/distribution/contact-token";
import { importContacts } from "@/lib/distribution/import-contacts";
import { respondentGate } from "@/lib/distribution/respondent-access";
import { sendMessages } from "@/lib/distribution/send-messages";
import { getSurveyLimits, saveSurveyLimits } from "@/lib/distribution/survey-limits";
import { unsubscribeContact } from "@/lib/distribution/unsubscribe";
import { authSecret } from "@/lib/env";
import { readStoredSettings } from "@/lib/customers/metrics/schemas";
import { saveProgress } from "@/lib/responses/save-progress";
import { exportResponses } from "@/lib/responses/export-responses";
import { responseJson } from "@/lib/surveys/survey-json";
import { submitResponse } from "@/lib/surveys/submit-response";
import { createPublishedSurvey, createStudyFixture } from "@/tests/helpers/factories";
import { insertMetricSnapshot } from "@/tests/helpers/customer-metric-fixtures";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

/**
 * Issue 11, "Headers and links": e-mailed links come from the configured public URL whatever the request
 * said; personal links end with the close date or personal_link_days after they went out; a customer id
 * is verified only when a signed personal link carried it, and a study can join only those.
 */

// The distribute action runs through its real access wrapper; only who is signed in, the process-wide
// database and the request's headers (a poisoned Host / X-Forwarded-Host) are stand-ins.
const acting = vi.hoisted(() => ({ user: undefined as PublicUser | undefined, db: undefined as Database | undefined }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => acting.user }));
vi.mock("@/db/client", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/db/client")>()), getDb: () => acting.db! }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => ({
  headers: async () =>
    new Headers({
      host: "evil.example",
      "x-forwarded-host": "attacker.example",
      "x-forwarded-proto": "http",
      origin: "https://needscape.example.com",
      "sec-fetch-site": "same-origin",
    }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));
const distributionActions = await import("@/app/(app)/w/[workspace]/studies/[studyId]/survey/[surveyId]/distribute/actions");

const PUBLIC_URL = "https://needscape.example.com";
const DAY = 24 * 3600 * 1000;
const answers = { q1: { s1: 4, s2: 3, s3: 5 }, q2: 2 };
let keys = 0;
const key = () => `link-security-${++keys}-${Math.random().toString(36).slice(2)}`;

function linkIn(body: string, marker: string): URL {
  const line = body.split("\n").find((l) => l.includes(marker))!;
  return new URL(line.slice(line.indexOf("http")).trim());
}

afterEach(() => vi.unstubAllEnvs());

describe.each(testDatabaseKinds())("links, personal-link lifetime and verified customer ids on %s", (kind) => {
  const t = useTestDatabase(kind);

  async function fixture(contactsCsv = "email,customer_id,language\nfinn@example.fi,CUST-7,fi\neve@example.com,CUST-8,") {
    const { owner, workspace, study } = await createStudyFixture(t.db);
    const survey = await createPublishedSurvey(t.db, { workspaceId: workspace.id, studyId: study.id });
    await importContacts(t.db, { workspaceId: workspace.id, surveyId: survey.id, csv: contactsCsv });
    return { owner, workspace, study, survey, key: { workspaceId: workspace.id, surveyId: survey.id } };
  }

  it("builds e-mailed links from the configured public URL, not from the request's Host or X-Forwarded-Host", async () => {
    vi.stubEnv("NEXTAUTH_URL", `${PUBLIC_URL}/`);
    const { owner, workspace, survey, key: k } = await fixture();
    acting.user = owner;
    acting.db = t.db;
    const result = await distributionActions.sendMessagesAction(workspace.slug, { surveyId: survey.id, kind: "invitation" });
    expect(result).toMatchObject({ ok: true, data: { queued: 2 } });
    const outbox = await listOutbox(t.db, { ...k, limit: 10 });
    expect(outbox).toHaveLength(2);
    for (const message of outbox) {
      expect(message.body).not.toMatch(/evil\.example|attacker\.example/);
      expect(linkIn(message.body, "?t=").origin).toBe(PUBLIC_URL);
      expect(linkIn(message.body, "?t=").pathname).toBe(`/s/${survey.publicId}`);
      expect(linkIn(message.body, "/s/unsubscribe").href.startsWith(`${PUBLIC_URL}/s/unsubscribe?t=`)).toBe(true);
    }
  });

  it("refuses a personal link personal_link_days after it went out, on the page and on submit; unsubscribe keeps working", async () => {
    const { survey, key: k } = await fixture();
    const now = new Date();
    const sentAt = new Date(now.getTime() - 10 * DAY);
    await sendMessages(t.db, { ...k, kind: "invitation", sendAt: null, origin: PUBLIC_URL, now: sentAt, transport: null });
    const outbox = await listOutbox(t.db, { ...k, limit: 10 });
    const bodyOf = (email: string) => outbox.find((m) => m.toEmail === email)!.body;
    const finn = linkIn(bodyOf("finn@example.fi"), "?t=").searchParams.get("t")!;
    const eve = linkIn(bodyOf("eve@example.com"), "?t=").searchParams.get("t")!;

    // No lifetime set: only the close date ends a link.
    expect(await respondentGate(t.db, { publicId: survey.publicId, token: finn, now })).toMatchObject({ state: "open" });
    // Ten days after sending, a 14-day lifetime still holds and a 7-day one has run out.
    await saveSurveyLimits(t.db, { workspaceId: k.workspaceId, input: { surveyId: survey.id, personalLinkDays: "14", quotas: [] } });
    expect(await getSurveyLimits(t.db, k)).toMatchObject({ personalLinkDays: 14 });
    expect(await respondentGate(t.db, { publicId: survey.publicId, token: finn, now })).toMatchObject({ state: "open" });
    await saveSurveyLimits(t.db, { workspaceId: k.workspaceId, input: { surveyId: survey.id, personalLinkDays: 7 } });
    expect(await respondentGate(t.db, { publicId: survey.publicId, token: finn, now })).toEqual({ state: "expired" });
    await expect(submitResponse(t.db, { now, input: { publicId: survey.publicId, submissionKey: key(), answers, token: finn } })).rejects.toMatchObject({ code: "expired", status: 410 });
    // The public link of the same survey is not affected.
    await expect(submitResponse(t.db, { now, input: { publicId: survey.publicId, submissionKey: key(), answers } })).resolves.toMatchObject({ duplicate: false });

    // A reminder sends the link again, and its lifetime counts from then.
    await sendMessages(t.db, { ...k, kind: "reminder", sendAt: null, origin: PUBLIC_URL, now: new Date(now.getTime() - 2 * DAY), transport: null });
    expect(await respondentGate(t.db, { publicId: survey.publicId, token: eve, now })).toMatchObject({ state: "open", contact: { customerId: "CUST-8" } });
    await expect(submitResponse(t.db, { now, input: { publicId: survey.publicId, submissionKey: key(), answers, token: eve } })).resolves.toMatchObject({ duplicate: false });

    // A link that never went out is not honoured while a lifetime is set.
    await importContacts(t.db, { ...k, csv: "email,customer_id\nlate@example.com,CUST-9" });
    const late = (await listContacts(t.db, { ...k, limit: 10 })).find((c) => c.email === "late@example.com")!;
    const unsent = signContactToken(authSecret(), "respond", { surveyId: survey.id, contactId: late.id, customerId: "CUST-9" });
    expect(await respondentGate(t.db, { publicId: survey.publicId, token: unsent, now })).toEqual({ state: "expired" });

    // Clearing the lifetime makes Finn's link work again; the unsubscribe link never stopped working.
    await saveSurveyLimits(t.db, { workspaceId: k.workspaceId, input: { surveyId: survey.id, personalLinkDays: "" } });
    expect(await getSurveyLimits(t.db, k)).toMatchObject({ personalLinkDays: null });
    expect(await respondentGate(t.db, { publicId: survey.publicId, token: finn, now })).toMatchObject({ state: "open" });
    await saveSurveyLimits(t.db, { workspaceId: k.workspaceId, input: { surveyId: survey.id, personalLinkDays: 1 } });
    await expect(unsubscribeContact(t.db, { token: linkIn(bodyOf("finn@example.fi"), "/s/unsubscribe").searchParams.get("t")!, now })).resolves.toEqual({ unsubscribed: true });
    await expect(saveSurveyLimits(t.db, { workspaceId: k.workspaceId, input: { surveyId: survey.id, personalLinkDays: 0 } })).rejects.toThrow();
  });

  it("refuses a personal link after the survey's close date with the closed message", async () => {
    const { survey, key: k } = await fixture();
    await sendMessages(t.db, { ...k, kind: "invitation", sendAt: null, origin: PUBLIC_URL, transport: null });
    const body = (await listOutbox(t.db, { ...k, limit: 10 })).find((m) => m.toEmail === "finn@example.fi")!.body;
    const token = linkIn(body, "?t=").searchParams.get("t")!;
    const closeAt = new Date(Date.now() + DAY);
    await saveSurveyLimits(t.db, { workspaceId: k.workspaceId, input: { surveyId: survey.id, closeAt: closeAt.toISOString(), personalLinkDays: 30 } });
    expect(await respondentGate(t.db, { publicId: survey.publicId, token })).toMatchObject({ state: "open" });
    const after = new Date(closeAt.getTime() + 1000);
    expect(await respondentGate(t.db, { publicId: survey.publicId, token, now: after })).toEqual({ state: "closed" });
    await expect(submitResponse(t.db, { now: after, input: { publicId: survey.publicId, submissionKey: key(), answers, token } })).rejects.toMatchObject({ code: "closed" });
  });

  it("stores a public link's customer id unverified and a personal link's verified, on every submit path", async () => {
    const { survey, key: k } = await fixture();
    await sendMessages(t.db, { ...k, kind: "invitation", sendAt: null, origin: PUBLIC_URL, transport: null });
    const body = (await listOutbox(t.db, { ...k, limit: 10 })).find((m) => m.toEmail === "finn@example.fi")!.body;
    const token = linkIn(body, "?t=").searchParams.get("t")!;

    // The first public submit takes the full path, the second the one-statement fast path; the API channel too.
    const viaPage = await submitResponse(t.db, { input: { publicId: survey.publicId, submissionKey: key(), answers, customerId: "CUST-7" } });
    const viaFastPath = await submitResponse(t.db, { input: { publicId: survey.publicId, submissionKey: key(), answers, customerId: "CUST-8" } });
    const viaApi = await submitResponse(t.db, { channel: "api", input: { publicId: survey.publicId, submissionKey: key(), answers, customerId: "CUST-X" } });
    // An autosave under a personal link with a customer id in the URL, then the final submit: the contact's id, verified.
    const personalKey = key();
    await saveProgress(t.db, { input: { publicId: survey.publicId, submissionKey: personalKey, answers: { q2: 1 }, customerId: "SOMEONE-ELSE", token } });
    const viaPersonal = await submitResponse(t.db, { input: { publicId: survey.publicId, submissionKey: personalKey, answers, token, customerId: "SOMEONE-ELSE" } });
    // An autosave with an id in a public URL, completed publicly: still unverified.
    const autosavedKey = key();
    await saveProgress(t.db, { input: { publicId: survey.publicId, submissionKey: autosavedKey, answers: { q2: 1 }, customerId: "CUST-7" } });
    const viaAutosave = await submitResponse(t.db, { input: { publicId: survey.publicId, submissionKey: autosavedKey, answers } });

    const rows = await listResponsesFiltered(t.db, { ...k, limit: 10 });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect([viaPage, viaFastPath, viaApi, viaPersonal, viaAutosave].map((r) => [byId.get(r.responseId)!.customerId, byId.get(r.responseId)!.customerIdVerified])).toEqual([
      ["CUST-7", false],
      ["CUST-8", false],
      ["CUST-X", false],
      ["CUST-7", true],
      ["CUST-7", false],
    ]);
    // The API and the exports say so too.
    expect(responseJson({ ...byId.get(viaPersonal.responseId)!, versionId: survey.versionId, answers: {} } as never)).toMatchObject({ customerIdVerified: true });
    const csv = await new Response((await exportResponses(t.db, { ...k, query: { format: "csv", labels: false } })).body).text();
    const [header, ...lines] = csv.trim().split(/\r?\n/).map((line) => line.split(","));
    const column = (name: string) => header!.indexOf(name);
    expect(column("customer_id_verified")).toBe(column("customer_id") + 1);
    const verifiedOf = Object.fromEntries(lines.map((cells) => [cells[column("response_id")], cells[column("customer_id_verified")]]));
    expect(verifiedOf[viaPersonal.responseId]).toBe("1");
    expect(verifiedOf[viaPage.responseId]).toBe("0");
  });

  it("joins only signed personal links when the study says so, and the join report counts both kinds", async () => {
    const { workspace, study, survey, key: k } = await fixture("email,customer_id\nfinn@example.fi,CUST-7");
    await sendMessages(t.db, { ...k, kind: "invitation", sendAt: null, origin: PUBLIC_URL, transport: null });
    const token = linkIn((await listOutbox(t.db, { ...k, limit: 1 }))[0]!.body, "?t=").searchParams.get("t")!;
    const verified = await submitResponse(t.db, { input: { publicId: survey.publicId, submissionKey: key(), answers, token } });
    const unverified = await submitResponse(t.db, { input: { publicId: survey.publicId, submissionKey: key(), answers, customerId: "CUST-8" } });
    await submitResponse(t.db, { input: { publicId: survey.publicId, submissionKey: key(), answers, customerId: "NOBODY" } });
    const studyKey = { workspaceId: workspace.id, studyId: study.id };
    const snapshotId = await insertMetricSnapshot(t.db, {
      ...studyKey,
      rows: ["CUST-7", "CUST-8", "CUST-9"].map((id, i) => ({ customerExternalId: id, rfmSegment: "champions", monetary: 100 * (i + 1), frequency: 2, scores: [5, 4, 3] })),
    });
    // A solution with both respondents in one segment (descriptors and KPIs read its assigned respondents).
    const [segmentation] = await t.db
      .insert(segmentations)
      .values({ workspaceId: workspace.id, studyId: study.id, surveyId: survey.id, name: "Join check", k: 1, seed: 1, restarts: 1, variables: [], centroids: [[]], totalMeans: [], withinSS: 0, respondentCount: 2 })
      .returning({ id: segmentations.id });
    const [segment] = await t.db.insert(segments).values({ workspaceId: workspace.id, segmentationId: segmentation!.id, position: 0, name: "All", size: 2, means: [] }).returning({ id: segments.id });
    await t.db.insert(segmentAssignments).values(
      [verified, unverified].map((r) => ({ workspaceId: workspace.id, segmentationId: segmentation!.id, segmentId: segment!.id, responseId: r.responseId })),
    );

    const joins = async () => ({
      report: await respondentJoin(t.db, { ...studyKey, snapshotId }),
      descriptors: (await respondentCustomerMetrics(t.db, studyKey)).map((d) => d.customerId).sort(),
      ruleBased: (await listStudyRespondentMetrics(t.db, { ...studyKey, snapshotId })).map((row) => row.responseId).sort(),
      dataset: await countDatasetResponses(t.db, { ...k, snapshotId }),
      assigned: (await listAssignedRespondents(t.db, { workspaceId: workspace.id, segmentationId: segmentation!.id, snapshotId })).filter((row) => row.metrics).map((row) => row.responseId).sort(),
    });

    // Default: every id joins; the report tells verified and unverified matches apart.
    const open = await joins();
    expect(open.report).toMatchObject({ responses: 3, withCustomerId: 3, withUnverifiedId: 2, matched: 2, matchedVerified: 1, matchedUnverified: 1, verifiedOnly: false, customersWithoutResponse: 1 });
    expect(open.report.unmatched).toEqual([{ customerId: "NOBODY", responses: 1 }]);
    expect(open.descriptors).toEqual(["CUST-7", "CUST-8"]);
    expect(open.ruleBased).toEqual([verified.responseId, unverified.responseId].sort());
    expect(open.dataset).toEqual({ responses: 3, matched: 2 });
    expect(open.assigned).toEqual([verified.responseId, unverified.responseId].sort());

    // "Join only signed personal links": the unverified match drops out of every join, and the report says how many.
    const settings = readStoredSettings(await getMetricSettings(t.db, studyKey));
    expect(settings.joinVerifiedOnly).toBe(false);
    await saveMetricSettings(t.db, { ...studyKey, settings: { ...settings, joinVerifiedOnly: true } });
    expect(readStoredSettings(await getMetricSettings(t.db, studyKey)).joinVerifiedOnly).toBe(true);
    const strict = await joins();
    expect(strict.report).toMatchObject({ responses: 3, withCustomerId: 3, withUnverifiedId: 2, matched: 1, matchedVerified: 1, matchedUnverified: 1, verifiedOnly: true, customersWithoutResponse: 2 });
    expect(strict.report.unmatched).toEqual([]);
    expect(strict.descriptors).toEqual(["CUST-7"]);
    expect(strict.ruleBased).toEqual([verified.responseId]);
    expect(strict.dataset).toEqual({ responses: 3, matched: 1 });
    expect(strict.assigned).toEqual([verified.responseId]);

  });
});
