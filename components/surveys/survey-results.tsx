import type { Translate } from "@/lib/i18n/translator";
import type { SurveySummary } from "@/lib/surveys/summarize-responses";

const TH = "px-3 py-2 font-medium";

/** Per-question results: mean per battery statement, counts and shares per option. */
export function SurveyResults({ summary, t, locale }: { summary: SurveySummary; t: Translate; locale: string }) {
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  return (
    <div className="space-y-6">
      <p className="text-sm font-medium text-slate-900">{t("survey.completeResponses", { count: summary.responseCount })}</p>
      {summary.responseCount === 0 && <p className="text-sm text-slate-600">{t("survey.noResponses")}</p>}
      {summary.responseCount > 0 &&
        summary.questions.map((question) => (
          <div key={question.id} className="overflow-x-auto">
            <h3 className="mb-2 text-sm font-semibold text-slate-900">{question.text}</h3>
            {question.type === "likert_battery" ? (
              <table className="min-w-full text-sm">
                <caption className="mb-1 text-left text-xs text-slate-600">{t("survey.meanCaption", { min: question.scaleMin, max: question.scaleMax })}</caption>
                <thead className="bg-slate-50 text-left text-slate-600">
                  <tr>
                    <th scope="col" className={TH}>{t("survey.colStatement")}</th>
                    <th scope="col" className={`${TH} text-right`}>{t("survey.colMean")}</th>
                    <th scope="col" className={`${TH} text-right`}>{t("survey.colAnswers")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {question.rows.map((row) => (
                    <tr key={row.id}>
                      <th scope="row" className="px-3 py-2 text-left font-normal">{row.text}</th>
                      <td className="px-3 py-2 text-right tabular-nums">{row.mean === null ? "–" : number.format(row.mean)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{row.n}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <table className="min-w-full text-sm">
                <caption className="mb-1 text-left text-xs text-slate-600">{t("survey.answeredN", { count: question.answered })}</caption>
                <thead className="bg-slate-50 text-left text-slate-600">
                  <tr>
                    <th scope="col" className={TH}>{t("survey.colOption")}</th>
                    <th scope="col" className={`${TH} text-right`}>{t("survey.colCount")}</th>
                    <th scope="col" className={`${TH} text-right`}>{t("survey.colShare")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {question.options.map((option) => (
                    <tr key={option.id}>
                      <th scope="row" className="px-3 py-2 text-left font-normal">{option.label}</th>
                      <td className="px-3 py-2 text-right tabular-nums">{option.n}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{percent.format(option.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        ))}
    </div>
  );
}
