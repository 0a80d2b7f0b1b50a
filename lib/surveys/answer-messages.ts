import { answerErrors } from "@/lib/i18n/messages/answer-errors";
import type { Translate } from "@/lib/i18n/translator";

/**
 * One mechanism for answer validation messages in the respondent's language: every check that a
 * respondent can trip carries a message key and its values in the zod issue's `params`, with the
 * English text as the issue's message. `answerIssueText` turns an issue into the text of any
 * language, on the respondent page (through the form's resolver) and on the server (for the
 * response's language). Only the answer message texts are imported here, so the page's bundle
 * stays small.
 */

export type AnswerMessageKey = keyof (typeof answerErrors)["en"];
type Vars = Record<string, string | number>;

/** The params key that marks a translatable issue. */
const PARAM = "answerMessage";

/** The schema's message for an answer that is missing, in every language "Please answer this question.". */
export const ANSWER_REQUIRED = "An answer is required";

function english(key: AnswerMessageKey, vars?: Vars): string {
  return answerErrors.en[key].replace(/\{(\w+)\}/g, (match, name: string) => (vars && name in vars ? String(vars[name]) : match));
}

/** Refinement params (`.refine(check, say(...))`, `ctx.addIssue({ code: "custom", ...say(...) })`): English message plus key and values. */
export function say(key: AnswerMessageKey, vars?: Vars): { message: string; params: Record<string, unknown> } {
  return { message: english(key, vars), params: { [PARAM]: { key, vars } } };
}

type IssueLike = { code?: string; message: string; params?: Record<string, unknown> };

/** The key and values an issue carries, if it is one of ours (a missing answer counts). */
export function answerMessageOf(issue: IssueLike): { key: AnswerMessageKey; vars?: Vars } | undefined {
  const ref = issue.params?.[PARAM] as { key?: unknown; vars?: Vars } | undefined;
  if (ref && typeof ref.key === "string" && ref.key in answerErrors.en) return { key: ref.key as AnswerMessageKey, vars: ref.vars };
  if (issue.message === ANSWER_REQUIRED) return { key: "required" };
  return undefined;
}

/**
 * An answer issue as text in t's language. Issues without a key are answers in a shape the page
 * never sends (a custom front end's mistakes): `otherwise` decides — the respondent page shows a
 * localized "check this answer", the server keeps the technical English message.
 */
export function answerIssueText(issue: IssueLike, t: Translate, otherwise: "check" | "original" = "check"): string {
  const ref = answerMessageOf(issue);
  if (ref) return t(`answerErrors.${ref.key}`, ref.vars);
  return otherwise === "original" ? issue.message : t("answerErrors.checkAnswer");
}

/** Issue params that zod drops when an issue is re-added from a nested parse. */
export function paramsOf(issue: unknown): Record<string, unknown> | undefined {
  return (issue as { params?: Record<string, unknown> }).params;
}
