// Benchmark: complete survey responses submitted concurrently through the real HTTP endpoint of a
// production build on PostgreSQL, next to the raw single-row INSERT rate of the same database measured
// in the same run; then per-question summaries and the streamed CSV export over 100,000 responses.
// Run: npx tsx bench/submit-responses.ts
import { randomUUID } from "node:crypto";
import http from "node:http";
import { availableParallelism } from "node:os";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { signUp } from "@/lib/accounts/sign-up";
import { createStudy } from "@/lib/studies/create-study";
import { createSurvey } from "@/lib/surveys/create-survey";
import { publishSurvey } from "@/lib/surveys/publish-survey";
import { exportResponses } from "@/lib/responses/export-responses";
import { summarizeResponses } from "@/lib/surveys/summarize-responses";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { buildIfNeeded } from "../scripts/build-if-needed";
import { startNextServer } from "../scripts/next-server";
import { machineCpuTicks, processTreeCpuSeconds, trackPeakRss } from "./lib/process-usage";
import { formatMs, formatRate, percentile, runPool } from "./lib/stats";
import { createTemporaryDatabase } from "./lib/temporary-database";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 48);
const SUMMARY_ROWS = Number(process.env.BENCH_SUMMARY_ROWS ?? 100_000);
const PORT = Number(process.env.BENCH_PORT ?? 3200);
// App server processes (WEB_CONCURRENCY of `npm start`): one per core is the production set-up on PostgreSQL.
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? availableParallelism());
// A folder for a V8 CPU profile of the app server (open it in Chrome DevTools or speedscope).
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
const RETRY_SHARE = 0.02; // a share of submissions is sent twice, as a double click or network retry would
const STATEMENTS = Array.from({ length: 10 }, (_, i) => `s${i + 1}`);
// Every request comes from this one address, which the per-address submit limit (default 600/10m) would
// stop within a second: the bench's own servers get a limit above its load, so each request still pays
// for the limit's statement. RATE_LIMIT_SUBMIT_PER_ADDRESS=off measures without it.
const SUBMIT_LIMIT = process.env.RATE_LIMIT_SUBMIT_PER_ADDRESS ?? `${Math.ceil(REQUESTS * 1.1)}/10m`;

function definition() {
  const scale = [1, 2, 3, 4, 5].map((code) => ({ id: `p${code}`, code, label: { en: `Point ${code}` } }));
  return {
    languages: ["en"],
    defaultLanguage: "en",
    title: { en: "Benchmark survey" },
    questions: [
      { id: "needs", type: "likert_battery", text: { en: "How important is…" }, scale, rows: STATEMENTS.map((id) => ({ id, text: { en: `Need ${id}` } })) },
      { id: "segment", type: "single_choice", text: { en: "Which fits you?" }, options: [1, 2, 3].map((code) => ({ id: `o${code}`, code, label: { en: `Option ${code}` } })) },
    ],
  };
}

function answers(i: number) {
  return { needs: Object.fromEntries(STATEMENTS.map((id, j) => [id, ((i * 7 + j * 3) % 5) + 1])), segment: (i % 3) + 1 };
}

async function waitForServer(url: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Server at ${url} did not start`);
}

type Reply = { status: number; responseId?: string; duplicate?: boolean };

/**
 * A cheap client, so the machine's CPU goes to the server: node:http over a keep-alive agent with
 * one socket per in-flight request, and bodies serialised before the clock starts.
 */
function submitter(base: string, publicId: string) {
  const url = new URL(`${base}/api/v1/public/surveys/${publicId}/responses`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const body = (key: string, i: number) => Buffer.from(JSON.stringify({ submissionKey: key, answers: answers(i), language: "en" }));
  const send = (payload: Buffer) =>
    new Promise<Reply>((resolve, reject) => {
      const request = http.request(
        { agent, host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "content-type": "application/json", "content-length": payload.length } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            try {
              const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Reply;
              resolve({ status: response.statusCode ?? 0, responseId: parsed.responseId, duplicate: parsed.duplicate });
            } catch {
              resolve({ status: response.statusCode ?? 0 });
            }
          });
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(payload);
    });
  return { body, send, close: () => agent.destroy() };
}

async function httpLoad(base: string, publicId: string, serverPid: number | undefined) {
  const client = submitter(base, publicId);
  await runPool(200, CONCURRENCY, async (i) => void (await client.send(client.body(`warmup-${i}-${randomUUID()}`, i))));

  const keys = Array.from({ length: REQUESTS }, (_, i) => `bench-${i}-${randomUUID()}`);
  const bodies = keys.map((key, i) => client.body(key, i));
  const latencies: number[] = [];
  const acknowledged = new Map<string, string>();
  let failures = 0;
  let retriesWithNewRow = 0;
  const cpuBefore = serverPid ? processTreeCpuSeconds(serverPid) : undefined;
  const clientBefore = process.cpuUsage();
  const machineBefore = machineCpuTicks();
  const started = performance.now();
  await runPool(REQUESTS, CONCURRENCY, async (i) => {
    const sent = performance.now();
    const result = await client.send(bodies[i]!).catch(() => ({ status: 0 }) as Reply);
    latencies.push(performance.now() - sent);
    if (result.status !== 201 || !result.responseId) return void failures++;
    acknowledged.set(keys[i]!, result.responseId);
    if (i % Math.round(1 / RETRY_SHARE) === 0) {
      const retry = await client.send(bodies[i]!).catch(() => ({ status: 0 }) as Reply);
      if (retry.status !== 200 || retry.responseId !== result.responseId) retriesWithNewRow++;
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = serverPid ? processTreeCpuSeconds(serverPid) : undefined;
  const clientCpu = process.cpuUsage(clientBefore);
  const machineAfter = machineCpuTicks();
  client.close();
  // Cores the app server kept busy (1.00 = one core all the time), and how busy the whole machine was.
  const serverCores = cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / seconds : undefined;
  const clientCores = (clientCpu.user + clientCpu.system) / 1e6 / seconds;
  const machineBusy = machineBefore && machineAfter ? (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total) : undefined;
  latencies.sort((a, b) => a - b);
  return { seconds, latencies, acknowledged, failures, retriesWithNewRow, serverCores, clientCores, machineBusy };
}

async function rawInsertRate(url: string, ids: { workspaceId: string; surveyId: string; versionId: string }) {
  const sql = postgres(url, { max: CONCURRENCY, onnotice: () => {} });
  const started = performance.now();
  await runPool(REQUESTS, CONCURRENCY, async (i) => {
    await sql`insert into responses (workspace_id, survey_id, version_id, submission_key, status, answers, language, completed_at)
      values (${ids.workspaceId}, ${ids.surveyId}, ${ids.versionId}, ${`raw-${i}`}, 'complete', ${sql.json(answers(i))}, 'en', now())`;
  });
  const seconds = (performance.now() - started) / 1000;
  await sql`delete from responses where submission_key like 'raw-%'`;
  await sql.end();
  return REQUESTS / seconds;
}

/** Reads the streamed CSV export to the end, tracking this process's peak RSS growth meanwhile. */
async function timedExport(db: typeof handle.db, ids: { workspaceId: string; surveyId: string }) {
  const stopRss = trackPeakRss();
  const started = performance.now();
  const result = await exportResponses(db, { ...ids, query: { format: "csv", labels: false } });
  const reader = result.body.getReader();
  let bytes = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) lines++;
  }
  return { ms: performance.now() - started, rows: lines - 1, bytes, peakRssGrowth: stopRss() };
}

async function bulkInsert(url: string, ids: { workspaceId: string; surveyId: string; versionId: string }, rows: number) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const battery = STATEMENTS.map((id) => `'${id}', 1 + floor(random() * 5)::int`).join(", ");
  await sql.unsafe(
    `insert into responses (workspace_id, survey_id, version_id, submission_key, status, answers, language, completed_at)
     select $1, $2, $3, 'bulk-' || g, 'complete', jsonb_build_object('needs', jsonb_build_object(${battery}), 'segment', 1 + (g % 3)), 'en', now()
     from generate_series(1, $4) g`,
    [ids.workspaceId, ids.surveyId, ids.versionId, rows],
  );
  await sql.end();
}

const database = await createTemporaryDatabase(ADMIN_URL);
const handle = openDatabase({ kind: "postgres", url: database.url });
let server: ReturnType<typeof startNextServer> | undefined;
try {
  await migrateDatabase(handle);
  const owner = await signUp(handle.db, { name: "Bench", email: "bench@example.test", password: "bench-password-1" });
  const workspace = await createWorkspace(handle.db, { ownerId: owner.id, input: { name: "Bench" } });
  const study = await createStudy(handle.db, { workspaceId: workspace.id, input: { name: "Bench study" } });
  const survey = await createSurvey(handle.db, { workspaceId: workspace.id, studyId: study.id, definition: definition() });
  const published = await publishSurvey(handle.db, { workspaceId: workspace.id, surveyId: survey.id });
  const ids = { workspaceId: workspace.id, surveyId: survey.id, versionId: published.versionId };

  buildIfNeeded();
  server = startNextServer({ port: PORT, env: { DATABASE_URL: database.url, NEXTAUTH_SECRET: "bench-only-secret", NODE_ENV: "production", RATE_LIMIT_SUBMIT_PER_ADDRESS: SUBMIT_LIMIT }, exitWithServer: false, instances: INSTANCES, nodeArgs: PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [] });
  const base = `http://127.0.0.1:${PORT}`;
  await waitForServer(`${base}/login`);

  console.log(`\nSubmitting ${REQUESTS.toLocaleString("en")} complete responses, ${CONCURRENCY} at a time (${RETRY_SHARE * 100} % sent twice), to ${INSTANCES} app server process(es)…`);
  console.log(
    SUBMIT_LIMIT === "off"
      ? "Per-address submit limit off for this run (RATE_LIMIT_SUBMIT_PER_ADDRESS=off): requests skip rate_limits."
      : `Per-address submit limit raised for this run: RATE_LIMIT_SUBMIT_PER_ADDRESS=${SUBMIT_LIMIT} (default 600/10m); every request is still counted in rate_limits.`,
  );
  const load = await httpLoad(base, survey.publicId, server.pid);
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  const stored = await sql<{ key: string; id: string }[]>`select submission_key as key, id from responses where survey_id = ${survey.id} and submission_key like 'bench-%'`;
  await sql.end();
  const storedKeys = new Map(stored.map((row) => [row.key, row.id]));
  const lost = [...load.acknowledged].filter(([key, id]) => storedKeys.get(key) !== id).length;
  const duplicated = stored.length - new Set(stored.map((row) => row.key)).size + load.retriesWithNewRow + (stored.length - load.acknowledged.size);

  const rawRate = await rawInsertRate(database.url, ids);
  const httpRate = REQUESTS / load.seconds;

  await bulkInsert(database.url, ids, SUMMARY_ROWS);
  const heapBefore = process.memoryUsage().heapUsed;
  const summaryStarted = performance.now();
  const summary = await summarizeResponses(handle.db, { workspaceId: workspace.id, surveyId: survey.id, language: "en" });
  const summaryMs = performance.now() - summaryStarted;
  const heapGrowthMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const exported = await timedExport(handle.db, ids);
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  const share = (value: number | undefined, digits = 2) => (value === undefined ? "n/a" : value.toFixed(digits));

  const p50 = percentile(load.latencies, 50);
  const p99 = percentile(load.latencies, 99);
  console.log(`
| measure | value | goal |
|---|---|---|
| complete responses through HTTP | ${formatRate(httpRate)} | ≥ 500/s |
| raw single-row INSERT, same database, same concurrency | ${formatRate(rawRate)} | (peer) |
| HTTP rate / raw INSERT rate | ${(httpRate / rawRate).toFixed(2)} | |
| latency p50 / p99 | ${formatMs(p50)} / ${formatMs(p99)} | p99 < 200 ms |
| failed requests | ${load.failures} | 0 |
| lost responses (acknowledged, not stored) | ${lost} | 0 |
| duplicated responses (stored twice or retry stored anew) | ${duplicated} | 0 |
| summaries over ${summary.responseCount.toLocaleString("en")} responses | ${formatMs(summaryMs)} (heap +${heapGrowthMiB.toFixed(1)} MiB) | in SQL, not in memory |
| streamed CSV export of ${exported.rows.toLocaleString("en")} responses (${mib(exported.bytes)} MiB) | ${formatMs(exported.ms)} (peak RSS +${mib(exported.peakRssGrowth)} MiB) | streamed, RSS growth well below the export's size |
| app server CPU during the HTTP run (${INSTANCES} process${INSTANCES > 1 ? "es" : ""}) | ${share(load.serverCores)} cores of ${availableParallelism()} (machine ${load.machineBusy === undefined ? "n/a" : Math.round(load.machineBusy * 100)} % busy) | |
| benchmark client CPU during the HTTP run (same machine) | ${load.clientCores.toFixed(2)} cores, ${formatMs((load.clientCores * 1000) / httpRate)} per response | |
| app server CPU per response (less affected by other load) | ${load.serverCores === undefined ? "n/a" : formatMs((load.serverCores * 1000) / httpRate)} | < 2 ms for 500/s on one core |
`);
  if (lost > 0 || duplicated > 0 || load.failures > 0) process.exitCode = 1;
  if (exported.rows < summary.responseCount) process.exitCode = 1;
} finally {
  server?.kill("SIGTERM");
  await handle.close();
  await database.drop();
}
process.exit(process.exitCode ?? 0);
