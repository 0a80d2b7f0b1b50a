import { localized, type SurveyDefinition } from "@/lib/surveys/definition";
import type { MaxDiffQuestion } from "@/lib/surveys/maxdiff-question";

/**
 * The variables a study offers to an analysis. Numeric and 0/1 variables enter k-means as they
 * are; categories are one-hot coded. Ids say where the values come from and stay stable:
 * `<question>.<statement|item|option>` or `<question>` for survey answers, and `customer:<metric>`
 * for behavioural metrics (survey ids are lower case without colons, so neither can collide).
 */
export type VariableKind = "numeric" | "binary" | "category";
export type VariableSource = "survey" | "customer";

export type DatasetVariable = {
  id: string;
  label: string;
  kind: VariableKind;
  source: VariableSource;
  /** The question (or "customer") the variable belongs to, for grouping in the form. */
  group: string;
  groupLabel: string;
  /** What the value is: a scale code, a share of points, a MaxDiff score … (for the form's hint). */
  measure: "scale" | "rating" | "nps" | "number" | "share" | "maxdiff_score" | "choice" | "option_chosen" | "metric";
  /** Categories in display order (codes as strings), for one-hot coding and tables. */
  categories?: { value: string; label: string }[];
};

export const CUSTOMER_GROUP = "customer";
export const customerVariableId = (metric: string) => `customer:${metric}`;
export const isCustomerVariable = (id: string) => id.startsWith("customer:");

/** Metric columns of customer_metrics an analysis may use, with their kinds. */
export const CUSTOMER_METRICS = [
  { metric: "recencyDays", kind: "numeric" },
  { metric: "frequency", kind: "numeric" },
  { metric: "monetary", kind: "numeric" },
  { metric: "recencyScore", kind: "numeric" },
  { metric: "frequencyScore", kind: "numeric" },
  { metric: "monetaryScore", kind: "numeric" },
  { metric: "averageOrderValue", kind: "numeric" },
  { metric: "arpu", kind: "numeric" },
  { metric: "churned", kind: "binary" },
  { metric: "rfmSegment", kind: "category" },
  { metric: "engagementTier", kind: "category" },
] as const;
export type CustomerMetric = (typeof CUSTOMER_METRICS)[number]["metric"];

/** Behavioural variables; labels are English names a translator can map by metric (customer:<metric>). */
export function customerVariables(labels: Record<CustomerMetric, string>, groupLabel: string, categories: Partial<Record<CustomerMetric, string[]>> = {}): DatasetVariable[] {
  return CUSTOMER_METRICS.map(({ metric, kind }) => ({
    id: customerVariableId(metric),
    label: labels[metric],
    kind,
    source: "customer",
    group: CUSTOMER_GROUP,
    groupLabel,
    measure: "metric",
    categories: kind === "category" ? (categories[metric] ?? []).map((value) => ({ value, label: value })) : undefined,
  }));
}

/** Every analysable variable of a survey definition, in question order; open texts and rankings are left out. */
export function surveyVariables(definition: SurveyDefinition, language: string = definition.defaultLanguage): DatasetVariable[] {
  const text = (value: Parameters<typeof localized>[0], fallback: string) => localized(value, language, definition.defaultLanguage) || fallback;
  return definition.questions.flatMap((question): DatasetVariable[] => {
    const groupLabel = text(question.text, question.id);
    const base = { source: "survey" as const, group: question.id, groupLabel };
    switch (question.type) {
      case "likert_battery":
        return question.rows.map((row) => ({ ...base, id: `${question.id}.${row.id}`, label: text(row.text, row.id), kind: "numeric", measure: "scale" }));
      case "likert_item":
        return [{ ...base, id: question.id, label: groupLabel, kind: "numeric", measure: "scale" }];
      case "rating":
        return [{ ...base, id: question.id, label: groupLabel, kind: "numeric", measure: "rating" }];
      case "nps":
        return [{ ...base, id: question.id, label: groupLabel, kind: "numeric", measure: "nps" }];
      case "numeric":
        return [{ ...base, id: question.id, label: groupLabel, kind: "numeric", measure: "number" }];
      case "constant_sum":
        return question.items.map((item) => ({ ...base, id: `${question.id}.${item.id}`, label: text(item.label, item.id), kind: "numeric", measure: "share" }));
      case "maxdiff":
        return (question as MaxDiffQuestion).items.map((item) => ({
          ...base,
          id: `${question.id}.${item.id}`,
          label: text(item.label, item.id),
          kind: "numeric",
          measure: "maxdiff_score",
        }));
      case "single_choice":
        return [
          {
            ...base,
            id: question.id,
            label: groupLabel,
            kind: "category",
            measure: "choice",
            categories: question.options.map((option) => ({ value: String(option.code), label: text(option.label, option.id) })),
          },
        ];
      case "multiple_choice":
        return [...question.options, ...(question.other ? [question.other] : [])].map((option) => ({
          ...base,
          id: `${question.id}.${option.id}`,
          label: text(option.label, option.id),
          kind: "binary",
          measure: "option_chosen",
        }));
      default:
        return [];
    }
  });
}

/** The question ids whose answers a set of chosen variables needs (so SQL loads nothing else). */
export function questionIdsOf(variables: readonly DatasetVariable[]): string[] {
  return [...new Set(variables.filter((variable) => variable.source === "survey").map((variable) => variable.group))];
}
