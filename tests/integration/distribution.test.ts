import { describe, expect, it } from "vitest";
import { funnelCounts, listContacts, listOutbox } from "@/db/queries/distribution";
import { listResponsesPage } from "@/db/queries/responses";
import { contactIdOfToken, signContactToken } from "@/lib/distribution/contact-token";
import { importContacts } from "@/lib/distribution/import-contacts";
import type { MailTransport } from "@/lib/distribution/mail-transport";
import { processDueMessages } from "@/lib/distribution/process-outbox";
import { respondentGate } from "@/lib/distribution/respondent-access";
import { sendMessages } from "@/lib/distribution/send-messages";
import { saveSurveyLimits } from "@/lib/distribution/survey-limits";
import { unsubscribeContact } from "@/lib/distribution/unsubscribe";
import { authSecret } from "@/lib/env";
import { submitResponse } from "@/lib/surveys/submit-response";
import { createPublishedSurvey, createStudyFixture } from "@/tests/helpers/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

const ORIGIN = "http://survey.test";
const answers = (often = 2) => ({ q1: { s1: 4, s2: 3, s3: 5 }, q2: often });
let keyCounter = 0;
const key = () => `dist-key-${++keyCounter}-${Math.random().toString(36).slice(2)}`;

function tokenFromBody(body: string, path: "/s/unsubscribe" | "/s/"): string {
  const line = body.split("\n").find((l) => l.includes(path === "/s/" ? "?t=" : "/s/unsubscribe"))!;
  const url = new URL(line.slice(line.indexOf("http")).trim());
  return url.searchParams.get("t")!;
}

describe.each(testDatabaseKinds())("distribution on %s", (kind) => {
  const t = useTestDatabase(kind);

  async function fixture() {
    const { workspace, study } = await createStudyFixture(t.db);
    const survey = await createPublishedSurvey(t.db, { workspaceId: workspace.id, studyId: study.id });
    return { workspaceId: workspace.id, survey };
  }

  it("imports good rows, reports every bad one with its line, and is idempotent on e-mail", async () => {
    const { workspaceId, survey } = await fixture();
    const csv = "email,customer_id,language,plan\nanna@example.fi,C1,fi,pro\nbroken-address,C2,en,\nanna@example.fi,C3,en,\nbo@example.se,C4,sv,\ncid@example.com,C5,,basic";
    const first = await importContacts(t.db, { workspaceId, surveyId: survey.id, csv });
    expect(first).toMatchObject({ rows: 5, inserted: 2, updated: 0 });
    // sv is a language the app knows but this survey (en, fi) does not offer.
    expect(first.problems.map((p) => [p.line, p.code])).toEqual([[3, "email"], [4, "duplicate"], [5, "language"]]);
    const again = await importContacts(t.db, { workspaceId, surveyId: survey.id, csv: "email,customer_id\nANNA@example.fi,C1-new" });
    expect(again).toMatchObject({ inserted: 0, updated: 1 });
    const contacts = await listContacts(t.db, { workspaceId, surveyId: survey.id, limit: 10 });
    expect(contacts.map((c) => [c.email, c.customerId])).toEqual([["anna@example.fi", "C1-new"], ["cid@example.com", "C5"]]);
    expect(contacts[1]!.attributes).toEqual({ plan: "basic" });
  });

  it("sends invitations to the outbox with personal links in the contact's language; a link works once and carries its customer id", async () => {
    const { workspaceId, survey } = await fixture();
    await importContacts(t.db, { workspaceId, surveyId: survey.id, csv: "email,customer_id,language\nfinn@example.fi,CUST-7,fi\neve@example.com,CUST-8," });
    const sent = await sendMessages(t.db, { workspaceId, surveyId: survey.id, kind: "invitation", sendAt: null, origin: ORIGIN, transport: null });
    expect(sent.queued).toBe(2);
    expect(sent.processed).toEqual({ sent: 0, outbox: 2, skipped: 0, failed: 0 });
    // Sending again invites nobody twice.
    expect((await sendMessages(t.db, { workspaceId, surveyId: survey.id, kind: "invitation", sendAt: null, origin: ORIGIN })).queued).toBe(0);

    const outbox = await listOutbox(t.db, { workspaceId, surveyId: survey.id, limit: 10 });
    const finn = outbox.find((m) => m.toEmail === "finn@example.fi")!;
    expect(finn).toMatchObject({ status: "outbox", kind: "invitation", subject: "Matkailutarpeet: haluamme kuulla mielipiteesi" });
    expect(finn.body).toContain(`${ORIGIN}/s/${survey.publicId}?t=`);
    expect(finn.body).toContain("lang=fi");
    expect(finn.body).toContain(`${ORIGIN}/s/unsubscribe?t=`);
    const token = tokenFromBody(finn.body, "/s/");

    expect(await respondentGate(t.db, { publicId: survey.publicId, token })).toMatchObject({ state: "open", contact: { customerId: "CUST-7", language: "fi" } });
    const first = await submitResponse(t.db, { input: { publicId: survey.publicId, submissionKey: key(), answers: answers(), token, customerId: "SOMEONE-ELSE" } });
    expect(first.duplicate).toBe(false);
    const [stored] = await listResponsesPage(t.db, { workspaceId, surveyId: survey.id, limit: 10 });
    expect(stored!.customerId).toBe("CUST-7");

    expect(await respondentGate(t.db, { publicId: survey.publicId, token })).toEqual({ state: "already_answered" });
    const statuses = await listContacts(t.db, { workspaceId, surveyId: survey.id, limit: 10 });
    expect(statuses.map((c) => [c.email, c.invited, c.completed])).toEqual([["eve@example.com", true, false], ["finn@example.fi", true, true]]);
    await expect(submitResponse(t.db, { input: { publicId: survey.publicId, submissionKey: key(), answers: answers(), token } })).rejects.toMatchObject({ code: "conflict" });

    const funnel = await funnelCounts(t.db, { workspaceId, surveyId: survey.id });
    expect(funnel.find((row) => row.channel === "personal")).toEqual({ channel: "personal", invited: 2, opened: 1, started: 1, completed: 1 });
  });

  it("rejects forged, tampered and foreign tokens", async () => {
    const { workspaceId, survey } = await fixture();
    await importContacts(t.db, { workspaceId, surveyId: survey.id, csv: "email,customer_id\nx@example.com,C-X" });
    const [contact] = await listContacts(t.db, { workspaceId, surveyId: survey.id, limit: 1 });
    const good = signContactToken(authSecret(), "respond", { surveyId: survey.id, contactId: contact!.id, customerId: "C-X" });
    const forgedCustomer = signContactToken("guessed-secret", "respond", { surveyId: survey.id, contactId: contact!.id, customerId: "C-X" });
    const otherCustomer = signContactToken(authSecret(), "respond", { surveyId: survey.id, contactId: contact!.id, customerId: "C-Y" });
    const unsubscribe = signContactToken(authSecret(), "unsubscribe", { surveyId: survey.id, contactId: contact!.id, customerId: "C-X" });
    const unknown = signContactToken(authSecret(), "respond", { surveyId: survey.id, contactId: "00000000-0000-4000-8000-000000000000", customerId: null });
    for (const token of [forgedCustomer, otherCustomer, unsubscribe, unknown, `${good.slice(0, -2)}xx`, "garbage"]) {
      expect(await respondentGate(t.db, { publicId: survey.publicId, token })).toEqual({ state: "invalid_link" });
      await expect(submitResponse(t.db, { input: { publicId: survey.publicId, submissionKey: key(), answers: answers(), token } })).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(contactIdOfToken(good)).toBe(contact!.id);
  });

  it("stops reminders after unsubscribe or an answer, and sends scheduled ones only when due through SMTP", async () => {
    const { workspaceId, survey } = await fixture();
    await importContacts(t.db, { workspaceId, surveyId: survey.id, csv: "email\nstay@example.com\nleave@example.com\ndone@example.com" });
    await sendMessages(t.db, { workspaceId, surveyId: survey.id, kind: "invitation", sendAt: null, origin: ORIGIN, transport: null });
    const outbox = await listOutbox(t.db, { workspaceId, surveyId: survey.id, limit: 10 });
    const bodyOf = (email: string) => outbox.find((m) => m.toEmail === email)!.body;
    await unsubscribeContact(t.db, { token: tokenFromBody(bodyOf("leave@example.com"), "/s/unsubscribe") });
    await submitResponse(t.db, { input: { publicId: survey.publicId, submissionKey: key(), answers: answers(), token: tokenFromBody(bodyOf("done@example.com"), "/s/") } });
    await expect(unsubscribeContact(t.db, { token: "0".repeat(32) + ".AAAAAAAAAAAAAAAAAAAAAA" })).rejects.toMatchObject({ code: "forbidden" });

    const now = new Date();
    const later = new Date(now.getTime() + 3600_000);
    const mails: string[] = [];
    const transport: MailTransport = { send: async (mail) => void mails.push(mail.to) };
    const reminders = await sendMessages(t.db, { workspaceId, surveyId: survey.id, kind: "reminder", sendAt: later, origin: ORIGIN, now, transport });
    expect(reminders).toMatchObject({ queued: 1, processed: undefined });
    expect(await processDueMessages(t.db, { now, transport })).toEqual({ sent: 0, outbox: 0, skipped: 0, failed: 0 });
    expect(await processDueMessages(t.db, { now: new Date(later.getTime() + 1000), transport })).toMatchObject({ sent: 1 });
    expect(mails).toEqual(["stay@example.com"]);
    const statuses = (await listOutbox(t.db, { workspaceId, surveyId: survey.id, limit: 10 })).filter((m) => m.kind === "reminder").map((m) => m.status);
    expect(statuses).toEqual(["sent"]);
    // A second reminder round reaches the same unfinished contact only.
    expect((await sendMessages(t.db, { workspaceId, surveyId: survey.id, kind: "reminder", sendAt: null, origin: ORIGIN, transport })).queued).toBe(1);
    expect(mails).toEqual(["stay@example.com", "stay@example.com"]);
  });

  it("concurrent processors send each due message exactly once", async () => {
    const { workspaceId, survey } = await fixture();
    const emails = Array.from({ length: 40 }, (_, i) => `p${i}@example.com`);
    await importContacts(t.db, { workspaceId, surveyId: survey.id, csv: `email\n${emails.join("\n")}` });
    const future = new Date(Date.now() + 60_000);
    await sendMessages(t.db, { workspaceId, surveyId: survey.id, kind: "invitation", sendAt: future, origin: ORIGIN });
    const mails: string[] = [];
    const transport: MailTransport = { send: async (mail) => void mails.push(mail.to) };
    const due = new Date(future.getTime() + 1000);
    await Promise.all([1, 2, 3].map(() => processDueMessages(t.db, { now: due, transport })));
    expect(mails.sort()).toEqual([...emails].sort());
  });

  it("enforces the close date, the response limit and quotas, without over-filling under concurrent submits", async () => {
    const { workspaceId, survey } = await fixture();
    const submit = (often: number) => submitResponse(t.db, { input: { publicId: survey.publicId, submissionKey: key(), answers: answers(often) } });

    await saveSurveyLimits(t.db, { workspaceId, input: { surveyId: survey.id, quotas: [{ questionId: "q2", optionCode: 1, limit: 3 }] } });
    const quotaRace = await Promise.allSettled(Array.from({ length: 8 }, () => submit(1)));
    expect(quotaRace.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(quotaRace.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason.code === "closed")).toBe(true);
    await expect(submit(2)).resolves.toMatchObject({ duplicate: false });

    await saveSurveyLimits(t.db, { workspaceId, input: { surveyId: survey.id, responseLimit: 10, quotas: [] } });
    const limitRace = await Promise.allSettled(Array.from({ length: 12 }, () => submit(3)));
    expect(limitRace.filter((r) => r.status === "fulfilled")).toHaveLength(6);
    const all = await listResponsesPage(t.db, { workspaceId, surveyId: survey.id, limit: 100 });
    expect(all).toHaveLength(10);
    expect(await respondentGate(t.db, { publicId: survey.publicId })).toEqual({ state: "full" });

    await saveSurveyLimits(t.db, { workspaceId, input: { surveyId: survey.id, closeAt: new Date(Date.now() - 1000).toISOString(), quotas: [] } });
    expect(await respondentGate(t.db, { publicId: survey.publicId })).toEqual({ state: "closed" });
    await expect(submit(2)).rejects.toMatchObject({ code: "closed" });

    await expect(saveSurveyLimits(t.db, { workspaceId, input: { surveyId: survey.id, quotas: [{ questionId: "q1", optionCode: 1, limit: 3 }] } })).rejects.toMatchObject({ code: "invalid" });
  });
});
