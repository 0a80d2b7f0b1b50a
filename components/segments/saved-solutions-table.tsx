import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { getTranslator } from "@/lib/i18n/server";

type SolutionRow = { id: string; name: string; k: number; respondentCount: number; createdAt: Date };

/** The study's saved k-means solutions, newest first (server component). */
export async function SavedSolutionsTable({ solutions, basePath }: { solutions: SolutionRow[]; basePath: string }) {
  const { t, locale } = await getTranslator();
  return (
    <DataTable
      caption={t("segments.savedTitle")}
      columns={[
        { label: t("segments.name") },
        { label: t("segments.segmentCount"), align: "right" },
        { label: t("segments.respondents"), align: "right" },
        { label: t("segments.savedAt") },
      ]}
    >
          {solutions.map((solution) => (
            <tr key={solution.id}>
              <td className="px-4 py-2">
                <Link href={`${basePath}/${solution.id}`} className="font-medium text-indigo-700 underline">
                  {solution.name}
                </Link>
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{solution.k}</td>
              <td className="px-4 py-2 text-right tabular-nums">{solution.respondentCount.toLocaleString(locale)}</td>
              <td className="px-4 py-2 whitespace-nowrap">{solution.createdAt.toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" })}</td>
            </tr>
          ))}
    </DataTable>
  );
}
