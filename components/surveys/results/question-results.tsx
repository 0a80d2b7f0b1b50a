import type { Translate } from "@/lib/i18n/translator";
import type { QuestionSummary } from "@/lib/surveys/question-summaries";
import { dash, ResultTable, type Formats } from "./result-table";

type Props<S> = { summary: S; t: Translate; f: Formats };
type Of<T extends QuestionSummary["type"]> = Extract<QuestionSummary, { type: T }>;

/** Mean per battery statement. */
export function BatteryResults({ summary, t, f }: Props<Of<"likert_battery">>) {
  return (
    <ResultTable
      caption={t("survey.meanCaption", { min: summary.scaleMin, max: summary.scaleMax })}
      columns={[t("survey.colStatement"), t("survey.colMean"), t("survey.colAnswers")]}
      rows={summary.rows.map((row) => ({ key: row.id, head: row.text, cells: [dash(row.mean, f.number), row.n] }))}
    />
  );
}

/** Counts and shares per option; a multiple choice's shares are of respondents, a Likert item adds its mean. */
export function ChoiceResults({ summary, t, f }: Props<Of<"single_choice" | "multiple_choice" | "likert_item">>) {
  const caption =
    summary.type === "multiple_choice"
      ? t("questions.respondentsCaption", { count: summary.answered })
      : summary.type === "likert_item" && summary.mean !== null
        ? `${t("survey.answeredN", { count: summary.answered })} · ${t("questions.colMean")}: ${f.number.format(summary.mean)}`
        : t("survey.answeredN", { count: summary.answered });
  return (
    <div className="space-y-2">
      <ResultTable
        caption={caption}
        columns={[t("survey.colOption"), t("survey.colCount"), t("survey.colShare")]}
        rows={summary.options.map((option) => ({ key: option.id, head: option.label, cells: [option.n, f.percent.format(option.share)] }))}
      />
      <LatestTexts title={t("questions.latestOther")} texts={summary.otherTexts} />
    </div>
  );
}

/** Respondents' own words, newest first, as plain text (React escapes them; nothing is rendered as HTML). */
function LatestTexts({ title, texts }: { title: string; texts: string[] }) {
  if (texts.length === 0) return null;
  return (
    <>
      <h4 className="text-sm font-medium text-slate-800">{title}</h4>
      <ul className="space-y-1 text-sm">
        {texts.map((text, index) => (
          <li key={index} className="whitespace-pre-wrap break-words rounded bg-slate-50 px-3 py-2 text-slate-800">
            {text}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Mean, median, spread and range of a rating or numeric question. */
export function NumberResults({ summary, t, f }: Props<Of<"rating" | "numeric">>) {
  const stats: [string, string | number][] = [
    [t("questions.colMean"), dash(summary.mean, f.number)],
    [t("questions.colMedian"), dash(summary.median, f.number)],
    [t("questions.colSd"), dash(summary.sd, f.number)],
    [t("questions.colMin"), dash(summary.min, f.number)],
    [t("questions.colMax"), dash(summary.max, f.number)],
  ];
  return (
    <ResultTable
      caption={t("questions.statsCaption", { count: summary.n })}
      columns={[t("questions.colStatistic"), t("questions.colValue")]}
      rows={stats.map(([name, value]) => ({ key: name, head: name, cells: [value] }))}
    />
  );
}

/** The NPS with its promoter, passive and detractor counts and shares. */
export function NpsResults({ summary, t, f }: Props<Of<"nps">>) {
  const groups: [string, number][] = [
    [t("questions.promoters"), summary.promoters],
    [t("questions.passives"), summary.passives],
    [t("questions.detractors"), summary.detractors],
  ];
  return (
    <div className="space-y-2">
      <p className="text-2xl font-semibold text-slate-900">{t("questions.npsScore", { score: summary.score === null ? "–" : summary.score })}</p>
      <ResultTable
        caption={t("questions.statsCaption", { count: summary.n })}
        columns={[t("questions.npsGroup"), t("survey.colCount"), t("survey.colShare")]}
        rows={groups.map(([name, n]) => ({ key: name, head: name, cells: [n, f.percent.format(summary.n ? n / summary.n : 0)] }))}
      />
    </div>
  );
}

/** How many answered, and the latest answers. */
export function TextResults({ summary, t }: Props<Of<"open_text">>) {
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-600">{t("survey.answeredN", { count: summary.answered })}</p>
      <LatestTexts title={t("questions.latestAnswers")} texts={summary.latest} />
    </div>
  );
}

/** Mean rank per item (best first), how many ranked it and how often it came first. */
export function RankingResults({ summary, t, f }: Props<Of<"ranking">>) {
  const items = [...summary.items].sort((a, b) => (a.meanRank ?? Infinity) - (b.meanRank ?? Infinity));
  return (
    <ResultTable
      caption={t("questions.rankingCaption", { count: summary.answered })}
      columns={[t("questions.colItem"), t("questions.colMeanRank"), t("questions.colRankedBy"), t("questions.colFirst")]}
      rows={items.map((item) => ({ key: item.id, head: item.label, cells: [dash(item.meanRank, f.number), item.n, item.first] }))}
    />
  );
}

/** Mean points per item. */
export function ConstantSumResults({ summary, t, f }: Props<Of<"constant_sum">>) {
  return (
    <ResultTable
      caption={t("questions.constantSumCaption", { total: summary.total, count: summary.answered })}
      columns={[t("questions.colItem"), t("questions.colMeanPoints")]}
      rows={summary.items.map((item) => ({ key: item.id, head: item.label, cells: [dash(item.mean, f.number)] }))}
    />
  );
}
