import type { Translate } from "@/lib/i18n/translator";
import type { QuestionSummary } from "@/lib/surveys/question-summaries";
import type { SurveySummary } from "@/lib/surveys/summarize-responses";
import { BatteryResults, ChoiceResults, ConstantSumResults, NpsResults, NumberResults, RankingResults, TextResults } from "./results/question-results";
import { MaxDiffResults } from "./results/maxdiff-results";
import type { Formats } from "./results/result-table";

function QuestionResults({ summary, t, f }: { summary: QuestionSummary; t: Translate; f: Formats }) {
  switch (summary.type) {
    case "likert_battery":
      return <BatteryResults summary={summary} t={t} f={f} />;
    case "single_choice":
    case "multiple_choice":
    case "likert_item":
      return <ChoiceResults summary={summary} t={t} f={f} />;
    case "rating":
    case "numeric":
      return <NumberResults summary={summary} t={t} f={f} />;
    case "nps":
      return <NpsResults summary={summary} t={t} f={f} />;
    case "open_text":
      return <TextResults summary={summary} t={t} f={f} />;
    case "ranking":
      return <RankingResults summary={summary} t={t} f={f} />;
    case "constant_sum":
      return <ConstantSumResults summary={summary} t={t} f={f} />;
    case "maxdiff":
      return <MaxDiffResults summary={summary} t={t} f={f} />;
  }
}

/** Per-question results of a survey, each question under its own heading. */
export function SurveyResults({ summary, t, locale }: { summary: SurveySummary; t: Translate; locale: string }) {
  const f: Formats = {
    number: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    percent: new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }),
  };
  return (
    <div className="space-y-6">
      <p className="text-sm font-medium text-slate-900">{t("survey.completeResponses", { count: summary.responseCount })}</p>
      {summary.responseCount === 0 && <p className="text-sm text-slate-600">{t("survey.noResponses")}</p>}
      {summary.responseCount > 0 &&
        summary.questions.map((question) => (
          <section key={question.id} aria-label={question.text} className="overflow-x-auto">
            <h3 className="mb-2 text-sm font-semibold text-slate-900">{question.text}</h3>
            <QuestionResults summary={question} t={t} f={f} />
          </section>
        ))}
    </div>
  );
}
