import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import type { JobStatus } from "@/db/schema";
import { getTranslator } from "@/lib/i18n/server";

type RunRow = { id: string; name: string; status: JobStatus; kMin: number; kMax: number; respondentCount: number | null; createdAt: Date };

/** The study's analysis runs, newest first (server component). */
export async function RunsTable({ runs, basePath }: { runs: RunRow[]; basePath: string }) {
  const { t, locale } = await getTranslator();
  return (
    <DataTable
      caption={t("sweep.runsTitle")}
      columns={[
        { label: t("sweep.runName_") },
        { label: t("sweep.runStatus") },
        { label: t("sweep.runKRange") },
        { label: t("sweep.runRespondents"), align: "right" },
        { label: t("sweep.runCreated") },
      ]}
    >
      {runs.map((run) => (
        <tr key={run.id}>
          <td className="px-4 py-2">
            <Link href={`${basePath}/runs/${run.id}`} className="font-medium text-indigo-700 underline">
              {run.name}
            </Link>
          </td>
          <td className="px-4 py-2">{t(`sweep.status_${run.status}`)}</td>
          <td className="px-4 py-2 tabular-nums">
            {run.kMin}–{run.kMax}
          </td>
          <td className="px-4 py-2 text-right tabular-nums">{run.respondentCount?.toLocaleString(locale) ?? "—"}</td>
          <td className="px-4 py-2 whitespace-nowrap">{run.createdAt.toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" })}</td>
        </tr>
      ))}
    </DataTable>
  );
}
