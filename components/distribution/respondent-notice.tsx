import type { Translate } from "@/lib/i18n/translator";

type State = "invalid_link" | "already_answered" | "closed" | "expired" | "full";

const TEXTS = {
  invalid_link: ["distribution.linkInvalidTitle", "distribution.linkInvalidText"],
  already_answered: ["distribution.alreadyAnsweredTitle", "distribution.alreadyAnsweredText"],
  closed: ["survey.closedTitle", "survey.closedText"],
  expired: ["survey.linkExpiredTitle", "survey.linkExpiredText"],
  full: ["distribution.fullTitle", "distribution.fullText"],
} as const;

/** Why the respondent page shows no form (bad, used or expired personal link, closed, full), in the respondent's language. */
export function RespondentNotice({ state, t }: { state: State; t: Translate }) {
  const [title, text] = TEXTS[state];
  return (
    <div role={state === "invalid_link" ? "alert" : undefined} className="rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
      <h2 className="text-xl font-semibold text-slate-900">{t(title)}</h2>
      <p className="mt-2 text-slate-700">{t(text)}</p>
    </div>
  );
}
