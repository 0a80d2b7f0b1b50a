import type { Answers } from "@/lib/surveys/answers";
import { localized, type SurveyDefinition } from "@/lib/surveys/definition";
import type { MaxDiffQuestion } from "@/lib/surveys/maxdiff-question";
import { maxDiffScores, type MaxDiffSetsOf } from "../dataset/extract-values";
import type { CategoricalVariable, DescriptorVariable, NumericVariable } from "./descriptors";
import { NOT_SELECTED, SELECTED, SELECTION_CATEGORIES } from "./selection-categories";

/**
 * Which survey questions and customer metrics can describe segments, and their values per
 * respondent. Single choice → categories; each option of a multiple choice → selected / not
 * selected (a "pick any" question read option by option, as Q does); Likert items and other
 * batteries' rows on a two-point scale → their two categories; on longer scales, and ratings, NPS and
 * each ranked item's rank → ordinal numbers; numeric and each
 * constant-sum item's points and each MaxDiff item's counting score (best − worst) / shown, read
 * with the design of the version the respondent answered → interval numbers. Variables already in
 * the basis are left out. Attention checks and open text are not offered.
 */

export type DescribedRespondent = { surveyId: string | null; versionId?: string | null; answers: Answers | null; metrics: CustomerMetricValues | null };

export type CustomerMetricValues = {
  rfmSegment: string | null;
  engagementTier: string | null;
  monetary: number | null;
  frequency: number | null;
  recencyDays: number | null;
  churned: boolean | null;
};

export type DescribedSurvey = { id: string; title: string; definition: SurveyDefinition };

const numberOr = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

type Category = { key: string; label: string };

/**
 * A scale of two points (applies / does not, yes / no) read as two categories: the share choosing
 * each and a chi-square test describe 0/1 answers better than their median.
 */
function twoPointCategories(scale: readonly { id: string; code: number; label: Parameters<typeof localized>[0] }[], text: (value: Parameters<typeof localized>[0], fallback: string) => string): Category[] | undefined {
  return scale.length === 2 ? scale.map((point) => ({ key: String(point.code), label: text(point.label, point.id) })) : undefined;
}

/** Codes as category keys; a code not on the scale is no answer, never a new category. */
function categoryKeys(codes: readonly (number | null)[], categories: readonly Category[]): (string | null)[] {
  const known = new Set(categories.map((c) => c.key));
  return codes.map((code) => (code !== null && known.has(String(code)) ? String(code) : null));
}

/** Variable ids: `<question id>` (with `<row id>` for battery rows), prefixed by the survey id when several surveys are described. */
export function surveyDescriptorVariables(
  surveys: readonly DescribedSurvey[],
  respondents: readonly DescribedRespondent[],
  basisIds: ReadonlySet<string>,
  setsOf: MaxDiffSetsOf = () => undefined,
): DescriptorVariable[] {
  const variables: DescriptorVariable[] = [];
  for (const survey of surveys) {
    const { definition } = survey;
    const text = (value: Parameters<typeof localized>[0], fallback: string) => localized(value, definition.defaultLanguage, definition.defaultLanguage) || fallback;
    const prefix = surveys.length > 1 ? `${survey.id}:` : "";
    const labelPrefix = surveys.length > 1 ? `${survey.title} · ` : "";
    const answerOf = (respondent: DescribedRespondent) => (respondent.surveyId === survey.id ? respondent.answers : null);
    for (const question of definition.questions) {
      const label = labelPrefix + text(question.text, question.id);
      const base = { id: prefix + question.id, label, source: "survey" as const };
      switch (question.type) {
        case "single_choice": {
          if (question.attentionCheck) break;
          const categories = question.options.map((option) => ({ key: String(option.code), label: text(option.label, option.id) }));
          const values = categoryKeys(respondents.map((r) => numberOr(answerOf(r)?.[question.id])), categories);
          variables.push({ ...base, kind: "categorical", categories, values } satisfies CategoricalVariable);
          break;
        }
        case "likert_item": {
          const categories = twoPointCategories(question.scale, text);
          const values = respondents.map((r) => numberOr(answerOf(r)?.[question.id]));
          variables.push(categories ? { ...base, kind: "categorical", categories, values: categoryKeys(values, categories) } : { ...base, kind: "numeric", scale: "ordinal", values });
          break;
        }
        case "rating":
        case "nps":
        case "numeric": {
          const values = respondents.map((r) => numberOr(answerOf(r)?.[question.id]));
          variables.push({ ...base, kind: "numeric", scale: question.type === "numeric" ? "interval" : "ordinal", values } satisfies NumericVariable);
          break;
        }
        case "likert_battery": {
          const twoPoints = twoPointCategories(question.scale, text);
          for (const row of question.rows) {
            if (row.attentionCheck || basisIds.has(`${question.id}.${row.id}`)) continue;
            const values = respondents.map((r) => {
              const battery = answerOf(r)?.[question.id];
              return battery && typeof battery === "object" && !Array.isArray(battery) ? numberOr((battery as Record<string, unknown>)[row.id]) : null;
            });
            const rowBase = { id: `${prefix}${question.id}.${row.id}`, label: `${label} · ${text(row.text, row.id)}`, source: "survey" as const };
            variables.push(twoPoints ? { ...rowBase, kind: "categorical", categories: twoPoints, values: categoryKeys(values, twoPoints) } : { ...rowBase, kind: "numeric", scale: "ordinal", values });
          }
          break;
        }
        case "multiple_choice": {
          for (const option of [...question.options, ...(question.other ? [question.other] : [])]) {
            if (basisIds.has(`${question.id}.${option.id}`)) continue;
            const values = respondents.map((r) => {
              const codes = (answerOf(r)?.[question.id] as { codes?: unknown } | undefined)?.codes;
              return Array.isArray(codes) ? (codes.includes(option.code) ? SELECTED : NOT_SELECTED) : null;
            });
            variables.push({
              id: `${prefix}${question.id}.${option.id}`,
              label: `${label} · ${text(option.label, option.id)}`,
              source: "survey",
              kind: "categorical",
              categories: SELECTION_CATEGORIES,
              values,
            } satisfies CategoricalVariable);
          }
          break;
        }
        case "ranking": {
          for (const item of question.items) {
            if (basisIds.has(`${question.id}.${item.id}`)) continue;
            const values = respondents.map((r) => {
              const ranked = answerOf(r)?.[question.id];
              const position = Array.isArray(ranked) ? ranked.indexOf(item.id) : -1;
              // Not ranked (a top-N question) is missing, not last: the respondent never placed it.
              return position < 0 ? null : position + 1;
            });
            variables.push({ id: `${prefix}${question.id}.${item.id}`, label: `${label} · ${text(item.label, item.id)}`, source: "survey", kind: "numeric", scale: "ordinal", values });
          }
          break;
        }
        case "constant_sum": {
          for (const item of question.items) {
            if (basisIds.has(`${question.id}.${item.id}`)) continue;
            const values = respondents.map((r) => {
              const points = answerOf(r)?.[question.id];
              return points && typeof points === "object" && !Array.isArray(points) ? numberOr((points as Record<string, unknown>)[item.id]) : null;
            });
            variables.push({ id: `${prefix}${question.id}.${item.id}`, label: `${label} · ${text(item.label, item.id)}`, source: "survey", kind: "numeric", scale: "interval", values });
          }
          break;
        }
        case "maxdiff": {
          const maxDiff = question as MaxDiffQuestion;
          const scores = respondents.map((r) => {
            const answer = answerOf(r)?.[question.id];
            return answer && r.versionId ? maxDiffScores(maxDiff, answer, r.versionId, setsOf) : null;
          });
          for (const item of maxDiff.items) {
            if (basisIds.has(`${question.id}.${item.id}`)) continue;
            const values = scores.map((score) => score?.get(item.id) ?? null);
            variables.push({ id: `${prefix}${question.id}.${item.id}`, label: `${label} · ${text(item.label, item.id)}`, source: "survey", kind: "numeric", scale: "interval", values });
          }
          break;
        }
        default:
          break;
      }
    }
  }
  return variables;
}

/** The ids of the NPS questions among the variables (for the per-segment NPS KPI). */
export function npsVariableIds(surveys: readonly DescribedSurvey[]): string[] {
  return surveys.flatMap((survey) =>
    survey.definition.questions.filter((q) => q.type === "nps").map((q) => (surveys.length > 1 ? `${survey.id}:${q.id}` : q.id)),
  );
}

export const CUSTOMER_VARIABLE_IDS = {
  rfmSegment: "customer.rfm_segment",
  engagementTier: "customer.engagement_tier",
  monetary: "customer.monetary",
  frequency: "customer.frequency",
  recencyDays: "customer.recency_days",
  churned: "customer.churned",
} as const;

function categoriesOf(values: readonly (string | null)[]) {
  return [...new Set(values.filter((v): v is string => v !== null))].sort().map((key) => ({ key, label: key }));
}

/**
 * Behavioural descriptors from the latest customer-metric snapshot; empty when no respondent
 * matched a customer (then nothing behavioural is offered). Labels are English keys the page translates.
 */
export function customerDescriptorVariables(respondents: readonly DescribedRespondent[]): DescriptorVariable[] {
  if (!respondents.some((r) => r.metrics)) return [];
  const pick = <T>(get: (m: CustomerMetricValues) => T | null) => respondents.map((r) => (r.metrics ? get(r.metrics) : null));
  const rfm = pick((m) => m.rfmSegment);
  const tier = pick((m) => m.engagementTier);
  const churned = pick((m) => (m.churned === null ? null : m.churned ? "yes" : "no"));
  const numeric = (id: string, label: string, values: (number | null)[]): NumericVariable => ({ id, label, source: "customer", kind: "numeric", scale: "interval", values });
  const variables: DescriptorVariable[] = [
    { id: CUSTOMER_VARIABLE_IDS.rfmSegment, label: "RFM segment", source: "customer", kind: "categorical", categories: categoriesOf(rfm), values: rfm },
    { id: CUSTOMER_VARIABLE_IDS.engagementTier, label: "Engagement tier", source: "customer", kind: "categorical", categories: categoriesOf(tier), values: tier },
    numeric(CUSTOMER_VARIABLE_IDS.monetary, "Lifetime value (total spend)", pick((m) => m.monetary)),
    numeric(CUSTOMER_VARIABLE_IDS.frequency, "Orders (frequency)", pick((m) => m.frequency)),
    numeric(CUSTOMER_VARIABLE_IDS.recencyDays, "Days since last purchase (recency)", pick((m) => m.recencyDays)),
    {
      id: CUSTOMER_VARIABLE_IDS.churned,
      label: "Churned",
      source: "customer",
      kind: "categorical",
      categories: [{ key: "no", label: "no" }, { key: "yes", label: "yes" }],
      values: churned,
    },
  ];
  // A metric nobody has (e.g. no usage data, so no engagement tiers) is left out rather than shown empty.
  return variables.filter((variable) => variable.values.some((value) => value !== null));
}
