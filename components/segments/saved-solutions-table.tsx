import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";

type SolutionRow = { id: string; name: string; k: number; respondentCount: number; createdAt: Date };

/** The study's saved k-means solutions, newest first (server component). */
export async function SavedSolutionsTable({ solutions, basePath }: { solutions: SolutionRow[]; basePath: string }) {
  const { t, locale } = await getTranslator();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{t("segments.savedTitle")}</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">{t("segments.name")}</th>
            <th scope="col" className="px-4 py-2 text-right">{t("segments.segmentCount")}</th>
            <th scope="col" className="px-4 py-2 text-right">{t("segments.respondents")}</th>
            <th scope="col" className="px-4 py-2">{t("segments.savedAt")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
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
        </tbody>
      </table>
    </div>
  );
}
