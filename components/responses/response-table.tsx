import { DataTable } from "@/components/ui/data-table";
import type { Translate } from "@/lib/i18n/translator";
import { formatDuration } from "@/lib/responses/format-duration";
import type { QualityFlag } from "@/lib/responses/quality";
import { EraseButtons } from "./erase-buttons";

export type ResponseListRow = {
  id: string;
  status: "partial" | "complete";
  customerId: string | null;
  customerIdVerified: boolean;
  language: string;
  channel: string;
  durationMs: number | null;
  flags: string[];
  completedAt: Date | null;
};

type Props = { rows: ResponseListRow[]; t: Translate; locale: string; workspaceSlug: string; surveyId: string; canErase: boolean };

/** The response list: who (customer id), how (language, channel, duration), quality flags and when. */
export function ResponseTable({ rows, t, locale, workspaceSlug, surveyId, canErase }: Props) {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const columns = [
    { label: t("responses.colCustomer") },
    { label: t("responses.colStatus") },
    { label: t("responses.colLanguage") },
    { label: t("responses.colChannel") },
    { label: t("responses.colDuration"), align: "right" as const },
    { label: t("responses.colFlags") },
    { label: t("responses.colCompleted") },
    ...(canErase ? [{ label: t("responses.colActions"), hiddenLabel: true }] : []),
  ];
  return (
    <DataTable caption={t("responses.tableCaption")} columns={columns}>
      {rows.map((row) => (
        <tr key={row.id}>
          <td className="px-4 py-2 font-mono text-xs break-all">
            {row.customerId ?? t("responses.noCustomer")}
            {row.customerId !== null && !row.customerIdVerified && (
              <span className="ml-1.5 rounded bg-slate-100 px-1.5 py-0.5 font-sans text-xs whitespace-nowrap text-slate-700" title={t("responses.unverifiedHint")}>
                {t("responses.unverified")}
              </span>
            )}
          </td>
          <td className="px-4 py-2">{t(`responses.status_${row.status}`)}</td>
          <td className="px-4 py-2 uppercase">{row.language}</td>
          <td className="px-4 py-2">{row.channel}</td>
          <td className="px-4 py-2 text-right tabular-nums">{formatDuration(row.durationMs)}</td>
          <td className="px-4 py-2">
            {row.flags.length === 0 ? (
              <span className="text-slate-500">{t("responses.noFlags")}</span>
            ) : (
              <ul className="flex flex-wrap gap-1">
                {row.flags.map((flag) => (
                  <li key={flag} className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">
                    {t(`responses.flag_${flag as QualityFlag}`)}
                  </li>
                ))}
              </ul>
            )}
          </td>
          <td className="px-4 py-2 whitespace-nowrap">{row.completedAt ? date.format(row.completedAt) : "—"}</td>
          {canErase && (
            <td className="px-4 py-2">
              <EraseButtons workspaceSlug={workspaceSlug} surveyId={surveyId} responseId={row.id} customerId={row.customerId} />
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
