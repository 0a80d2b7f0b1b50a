import { describe, expect, it } from "vitest";
import type { SurveyDefinition } from "@/lib/surveys/definition";
import { customerDescriptorVariables, surveyDescriptorVariables, type DescribedRespondent } from "./descriptor-variables";
import { describeVariables, sampleSkewness, type CategoricalDescriptor, type CategoricalVariable, type NumericDescriptor } from "./descriptors";
import { isSelectionVariable } from "./selection-categories";
import { netPromoterScore, segmentKpis } from "./segment-kpis";

const segmentOf = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2];

describe("describeVariables", () => {
  it("tests categories with chi-square and Cramér's V, hiding segments below 5 respondents", () => {
    const values = ["a", "a", "a", "a", "b", "a", "b", "b", "b", "b", "a", "b", "a", "b"];
    const [row] = describeVariables(
      [{ id: "g", label: "G", source: "survey", kind: "categorical", categories: [{ key: "a", label: "A" }, { key: "b", label: "B" }], values }],
      segmentOf,
      3,
    ) as [CategoricalDescriptor];
    expect(row.segments[0]).toEqual({ n: 6, hidden: false, shares: [5 / 6, 1 / 6] });
    expect(row.segments[2]).toEqual({ n: 2, hidden: true, shares: null });
    expect(row.total.shares).toEqual([7 / 14, 7 / 14]);
    // Same table in SciPy: chi2_contingency([[5,1],[1,5],[1,1]], correction=False) → 5.333333333333333, p 0.06948345122280154
    expect(row.test?.name).toBe("chi_square");
    expect(row.test?.statistic).toBeCloseTo(5.333333333333333, 10);
    expect(row.test?.pValue).toBeCloseTo(0.06948345122280154, 10);
    expect(row.test?.df).toEqual([2]);
    expect(row.test?.effect.value).toBeCloseTo(Math.sqrt(5.333333333333333 / 14), 10);
  });

  it("uses Kruskal–Wallis for ordinal scales and says so", () => {
    const values = [1, 2, 2, 3, 1, 2, 4, 5, 5, 4, 3, 5, null, 3];
    const [row] = describeVariables([{ id: "r", label: "R", source: "survey", kind: "numeric", scale: "ordinal", values }], segmentOf, 3) as [NumericDescriptor];
    expect(row.test).toMatchObject({ name: "kruskal_wallis", reason: "ordinal", effect: { name: "epsilon_squared" } });
    expect(row.segments[0]).toMatchObject({ n: 6, hidden: false, mean: 11 / 6, median: 2 });
    expect(row.segments[2]).toMatchObject({ n: 1, hidden: true, mean: null });
  });

  it("chooses ANOVA for symmetric numbers and Kruskal–Wallis for skewed ones", () => {
    const symmetric = [10, 11, 12, 13, 12, 11, 20, 21, 22, 23, 22, 21, 15, 16];
    const skewed = [1, 1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 500, 1, 1];
    const [a, b] = describeVariables(
      [
        { id: "x", label: "X", source: "customer", kind: "numeric", scale: "interval", values: symmetric },
        { id: "y", label: "Y", source: "customer", kind: "numeric", scale: "interval", values: skewed },
      ],
      segmentOf,
      3,
    ) as [NumericDescriptor, NumericDescriptor];
    expect(a.test).toMatchObject({ name: "anova", reason: "symmetric", effect: { name: "eta_squared" } });
    expect(a.test!.df).toEqual([2, 11]);
    expect(b.test).toMatchObject({ name: "kruskal_wallis", reason: "skewed" });
    expect(b.test!.skewness!).toBeGreaterThan(1);
  });

  it("refuses values that do not line up with the respondents", () => {
    expect(() => describeVariables([{ id: "x", label: "X", source: "survey", kind: "numeric", scale: "interval", values: [1] }], segmentOf, 3)).toThrow(/values/);
  });
});

describe("sampleSkewness", () => {
  it("is the population-moment skewness (scipy.stats.skew, bias=True)", () => {
    // scipy.stats.skew([1, 2, 3, 10]) = 1.0182337649086284
    expect(sampleSkewness([1, 2, 3, 10])).toBeCloseTo(1.0182337649086284, 10);
    expect(sampleSkewness([1, 2, 3])).toBeCloseTo(0, 10);
  });
});

const definition: SurveyDefinition = {
  schemaVersion: 1,
  languages: ["en"],
  defaultLanguage: "en",
  title: { en: "S" },
  questions: [
    { id: "motives", type: "likert_battery", text: { en: "Motives" }, required: true, scale: [1, 2, 3, 4, 5].map((code) => ({ id: `s${code}`, code, label: { en: String(code) } })), rows: [{ id: "a", text: { en: "A" } }, { id: "b", text: { en: "B" } }] },
    { id: "gender", type: "single_choice", text: { en: "Gender" }, required: false, options: [{ id: "f", code: 1, label: { en: "Female" } }, { id: "m", code: 2, label: { en: "Male" } }] },
    { id: "check", type: "single_choice", text: { en: "Pick two" }, required: false, options: [{ id: "x", code: 1, label: { en: "1" } }, { id: "y", code: 2, label: { en: "2" } }], attentionCheck: { expectedCode: 2 } },
    { id: "nps", type: "nps", text: { en: "Recommend?" }, required: false },
    { id: "comment", type: "open_text", text: { en: "Why?" }, required: false, maxLength: 100 },
  ],
} as SurveyDefinition;

describe("surveyDescriptorVariables", () => {
  it("offers single choice as categories, NPS as ordinal, other battery rows, and skips basis rows, checks and open text", () => {
    const respondents: DescribedRespondent[] = [
      { surveyId: "s1", answers: { motives: { a: 1, b: 2 }, gender: 2, nps: 9, comment: "x" }, metrics: null },
      { surveyId: "s1", answers: { motives: { a: 2, b: 1 }, gender: 7 }, metrics: null },
    ];
    const variables = surveyDescriptorVariables([{ id: "s1", title: "S", definition }], respondents, new Set(["motives.a"]));
    expect(variables.map((v) => [v.id, v.kind])).toEqual([
      ["motives.b", "numeric"],
      ["gender", "categorical"],
      ["nps", "numeric"],
    ]);
    expect(variables[0]!.values).toEqual([2, 1]);
    // An unknown code is no answer, never a new category.
    expect(variables[1]!.values).toEqual(["2", null]);
    expect(variables[2]).toMatchObject({ scale: "ordinal", values: [9, null] });
  });
});

describe("surveyDescriptorVariables on a two-point scale", () => {
  it("reads a yes/no battery row and Likert item as their two categories, so they get shares and a chi-square test", () => {
    const yesNo = [
      { id: "no", code: 0, label: { en: "Does not apply" } },
      { id: "yes", code: 1, label: { en: "Applies to me" } },
    ];
    const twoPoint = {
      ...definition,
      questions: [
        { id: "motives", type: "likert_battery", text: { en: "Motives" }, required: true, scale: yesNo, rows: [{ id: "rest", text: { en: "Rest" } }] },
        { id: "eco", type: "likert_item", text: { en: "Eco" }, required: false, scale: yesNo },
      ],
    } as SurveyDefinition;
    const respondents: DescribedRespondent[] = [
      { surveyId: "s1", answers: { motives: { rest: 1 }, eco: 0 }, metrics: null },
      { surveyId: "s1", answers: { motives: { rest: 0 }, eco: 7 }, metrics: null },
      { surveyId: "s1", answers: {}, metrics: null },
    ];
    const [rest, eco] = surveyDescriptorVariables([{ id: "s1", title: "S", definition: twoPoint }], respondents, new Set());
    const categories = [
      { key: "0", label: "Does not apply" },
      { key: "1", label: "Applies to me" },
    ];
    expect(rest).toEqual({ id: "motives.rest", label: "Motives · Rest", source: "survey", kind: "categorical", categories, values: ["1", "0", null] });
    expect(eco).toMatchObject({ kind: "categorical", categories, values: ["0", null, null] });
    const described = describeVariables([{ ...rest!, values: [...Array(10).fill("1"), ...Array(10).fill("0")] }], Array.from({ length: 20 }, (_, i) => (i < 10 ? 0 : 1)), 2);
    expect(described[0]!.test).toMatchObject({ name: "chi_square", reason: "categories" });
  });
});

describe("surveyDescriptorVariables for pick-any, ranking and constant sum", () => {
  const mixed = {
    ...definition,
    questions: [
      { id: "channels", type: "multiple_choice", text: { en: "Channels" }, required: false, options: [{ id: "web", code: 1, label: { en: "Web" } }, { id: "shop", code: 2, label: { en: "Shop" } }], other: { id: "other", code: 99, label: { en: "Other" } } },
      { id: "rank", type: "ranking", text: { en: "Rank" }, required: false, topN: 1, items: [{ id: "price", code: 1, label: { en: "Price" } }, { id: "speed", code: 2, label: { en: "Speed" } }] },
      { id: "budget", type: "constant_sum", text: { en: "Budget" }, required: false, total: 100, items: [{ id: "ads", code: 1, label: { en: "Ads" } }, { id: "events", code: 2, label: { en: "Events" } }] },
    ],
  } as SurveyDefinition;
  const respondents: DescribedRespondent[] = [
    { surveyId: "s1", answers: { channels: { codes: [1, 99], other: "radio" }, rank: ["speed"], budget: { ads: 70, events: 30 } }, metrics: null },
    { surveyId: "s1", answers: { channels: { codes: [] }, rank: ["price"] }, metrics: null },
    { surveyId: "s1", answers: {}, metrics: null },
  ];

  it("reads each option as selected / not selected, ranks as ordinal, points as interval; basis items left out", () => {
    const variables = surveyDescriptorVariables([{ id: "s1", title: "S", definition: mixed }], respondents, new Set(["budget.events"]));
    expect(variables.map((v) => [v.id, v.label, v.kind])).toEqual([
      ["channels.web", "Channels · Web", "categorical"],
      ["channels.shop", "Channels · Shop", "categorical"],
      ["channels.other", "Channels · Other", "categorical"],
      ["rank.price", "Rank · Price", "numeric"],
      ["rank.speed", "Rank · Speed", "numeric"],
      ["budget.ads", "Budget · Ads", "numeric"],
    ]);
    // An empty selection is an answer (nothing picked); no answer at all is missing.
    expect(variables[0]!.values).toEqual(["selected", "not_selected", null]);
    expect(variables[1]!.values).toEqual(["not_selected", "not_selected", null]);
    expect(variables[2]!.values).toEqual(["selected", "not_selected", null]);
    expect(isSelectionVariable((variables[0] as CategoricalVariable).categories)).toBe(true);
    // Top-1 ranking: the item not ranked is missing, not last.
    expect(variables[3]).toMatchObject({ scale: "ordinal", values: [null, 1, null] });
    expect(variables[4]!.values).toEqual([1, null, null]);
    expect(variables[5]).toMatchObject({ scale: "interval", values: [70, null, null] });
  });
});

describe("surveyDescriptorVariables for MaxDiff", () => {
  const withMaxDiff = {
    ...definition,
    questions: [{ id: "md", type: "maxdiff", text: { en: "Most and least important" }, items: ["a", "b", "c", "d"].map((id, i) => ({ id, code: i + 1, label: { en: id.toUpperCase() } })), itemsPerSet: 3, seed: 1 }],
  } as SurveyDefinition;
  // Two versions of the question whose designs differ: each answer is scored with the sets its own version showed.
  const sets: Record<string, string[][]> = { v1: [["a", "b", "c"], ["b", "c", "d"]], v2: [["d", "c", "a"]] };
  const setsOf = (versionId: string, questionId: string, version: number) => (questionId === "md" && version === 0 ? sets[versionId] : undefined);
  const respondents: DescribedRespondent[] = [
    { surveyId: "s1", versionId: "v1", answers: { md: { version: 0, choices: [{ setIndex: 0, best: "a", worst: "c" }, { setIndex: 1, best: "b", worst: "c" }] } }, metrics: null },
    { surveyId: "s1", versionId: "v2", answers: { md: { version: 0, choices: [{ setIndex: 0, best: "d", worst: "a" }] } }, metrics: null },
    // A version this survey never had, and no answer: missing, not zero.
    { surveyId: "s1", versionId: "v9", answers: { md: { version: 0, choices: [{ setIndex: 0, best: "a", worst: "b" }] } }, metrics: null },
    { surveyId: "s1", versionId: "v1", answers: {}, metrics: null },
  ];

  it("gives each item the respondent's counting score (best − worst) / shown, read with the version's design; basis items left out", () => {
    const variables = surveyDescriptorVariables([{ id: "s1", title: "S", definition: withMaxDiff }], respondents, new Set(["md.d"]), setsOf);
    expect(variables.map((v) => [v.id, v.label, v.kind])).toEqual([
      ["md.a", "Most and least important · A", "numeric"],
      ["md.b", "Most and least important · B", "numeric"],
      ["md.c", "Most and least important · C", "numeric"],
    ]);
    expect(variables[0]).toMatchObject({ scale: "interval", values: [1, -1, null, null] });
    expect(variables[1]!.values).toEqual([0.5, null, null, null]);
    expect(variables[2]!.values).toEqual([-1, 0, null, null]);
  });

  it("offers the items with every value missing when no design is known", () => {
    const variables = surveyDescriptorVariables([{ id: "s1", title: "S", definition: withMaxDiff }], respondents, new Set());
    expect(variables).toHaveLength(4);
    expect(variables.every((v) => v.values.every((value) => value === null))).toBe(true);
  });
});

describe("customer descriptors and KPIs", () => {
  const metrics = (i: number) => ({ rfmSegment: i % 3 === 0 ? "Champions" : "At risk", engagementTier: null, monetary: 100 * (i + 1), frequency: i + 1, recencyDays: 10 * i, churned: i % 4 === 0 });
  const respondents: DescribedRespondent[] = segmentOf.map((_, i) => ({ surveyId: "s1", answers: null, metrics: i === 5 ? null : metrics(i) }));

  it("leaves out metrics nobody has", () => {
    const ids = customerDescriptorVariables(respondents).map((v) => v.id);
    expect(ids).toEqual(["customer.rfm_segment", "customer.monetary", "customer.frequency", "customer.recency_days", "customer.churned"]);
    expect(customerDescriptorVariables([{ surveyId: "s1", answers: null, metrics: null }])).toEqual([]);
  });

  it("computes LTV, churn, NPS and RFM mix per segment, hidden below 5", () => {
    const nps = segmentOf.map((_, i) => [10, 9, 8, 3, 10, 6, 9, 9, 9, 9, 9, 9, 10, 0][i]!);
    const { segments, total } = segmentKpis({ segmentOf, k: 3, metrics: respondents.map((r) => r.metrics), npsScores: nps });
    expect(segments[0]).toMatchObject({ size: 6, share: 6 / 14, matched: 5 });
    // Respondents 0–4 matched (5 has no customer): spend 100..500.
    expect(segments[0]!.ltv).toBe(300);
    expect(segments[0]!.churnRate).toBeCloseTo(2 / 5);
    // 10, 9, 8, 3, 10, 6: 3 promoters, 2 detractors of 6.
    expect(segments[0]!.nps).toBeCloseTo((100 * (3 - 2)) / 6);
    expect(segments[0]!.rfmMix).toEqual([{ key: "At risk", share: 3 / 5 }, { key: "Champions", share: 2 / 5 }]);
    expect(segments[2]).toMatchObject({ size: 2, ltv: null, nps: null, rfmMix: null, hidden: { ltv: true, nps: true, rfmMix: true } });
    expect(total.size).toBe(14);
  });

  it("scores NPS the standard way", () => {
    expect(netPromoterScore([10, 9, 8, 7, 0])).toBe(20);
    expect(netPromoterScore([])).toBeNull();
  });
});
