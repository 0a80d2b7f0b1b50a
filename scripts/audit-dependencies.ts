// CI's dependency audit: fails on a known high or critical advisory in a production dependency;
// when the registry does not answer audits (some mirrors refuse the bulk endpoint), says so and passes.
import { spawnSync } from "node:child_process";

type AuditReport = {
  error?: unknown;
  statusCode?: number;
  message?: string;
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { severity: string; via: unknown[] }>;
};

const result = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", timeout: 120_000 });
let report: AuditReport | undefined;
try {
  report = JSON.parse(result.stdout) as AuditReport;
} catch {
  report = undefined;
}

if (!report || report.error || !report.metadata?.vulnerabilities) {
  const why = report?.statusCode ? `HTTP ${report.statusCode}` : (result.error?.message ?? "no answer");
  console.log(`Dependency audit: the registry did not answer (${why}); nothing to check.`);
  process.exit(0);
}

const counts = report.metadata.vulnerabilities;
const blocking = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(
  `Dependency audit (production dependencies): ${Object.entries(counts)
    .map(([severity, n]) => `${n} ${severity}`)
    .join(", ")}.`,
);
if (blocking > 0) {
  for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
    if (v.severity === "high" || v.severity === "critical") console.log(`  ${v.severity}: ${name}`);
  }
  console.log("High or critical advisories in production dependencies: update them (npm audit fix) before landing.");
  process.exit(1);
}
