import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button-class";
import type { PersonaFacts } from "@/lib/personas/persona-facts";
import { PERSONA_FUNCTIONS, type PersonaAction, type PersonaStatus } from "@/lib/personas/schemas";
import type { Translate } from "@/lib/i18n/translator";
import { DistinctiveStatements } from "./distinctive-statements";
import { formatCount, formatShare } from "./format";
import { PersonaAvatar } from "./persona-avatar";
import { PrintButton } from "./print-button";

type Props = {
  persona: { name: string; summary: string; goals: string[]; pains: string[]; actions: PersonaAction[]; status: PersonaStatus };
  segmentName: string;
  facts: PersonaFacts;
  /** Set for people who may edit; viewers get a read-only page. */
  editHref?: string;
  t: Translate;
  locale: string;
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 print:border-slate-300 print:shadow-none">
      <h2 className="mb-3 text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

function TextList({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-900">
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

function ActionsByFunction({ actions, t }: { actions: PersonaAction[]; t: Translate }) {
  const groups = PERSONA_FUNCTIONS.map((fn) => ({ fn, rows: actions.filter((a) => a.function === fn) })).filter((g) => g.rows.length > 0);
  if (groups.length === 0) return <p className="text-sm text-slate-600">{t("personas.noneWritten")}</p>;
  return (
    <div className="space-y-4">
      {groups.map(({ fn, rows }) => (
        <div key={fn} className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="mb-1 text-left font-semibold text-slate-800">{t(`personas.function_${fn}`)}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
                <th scope="col" className="py-1 pr-3 font-medium">{t("personas.action")}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t("personas.owner")}</th>
                <th scope="col" className="py-1 font-medium">{t("personas.kpi")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index} className="border-b border-slate-100 align-top last:border-0">
                  <td className="py-1 pr-3">{row.action}</td>
                  <td className="py-1 pr-3">{row.owner || "–"}</td>
                  <td className="py-1">{row.kpi || "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}

/** A persona as the whole company reads and prints it: the team's words beside the figures they rest on. */
export function PersonaSheet({ persona, segmentName, facts, editHref, t, locale }: Props) {
  return (
    <article className="space-y-5">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <div className="flex min-w-0 flex-1 items-start gap-4">
          <PersonaAvatar name={persona.name} size="lg" />
          <div className="min-w-0 flex-1">
            <h1 className="break-words text-2xl font-semibold text-slate-900">{persona.name}</h1>
            {segmentName !== persona.name && <p className="text-sm text-slate-600">{t("personas.segmentLabel", { name: segmentName })}</p>}
            {persona.summary && <p className="mt-2 max-w-2xl text-base text-slate-800">{persona.summary}</p>}
          </div>
        </div>
        <div className="no-print flex shrink-0 gap-2">
          {editHref && (
            <Link href={editHref} className={buttonClass("secondary")}>
              {t("personas.editPersona")}
            </Link>
          )}
          <PrintButton />
        </div>
      </header>
      {persona.status === "draft" && (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("personas.draftNotice")}</p>
      )}

      <Section title={t("personas.keyFacts")}>
        <dl className="mb-4 grid grid-cols-2 gap-4 sm:max-w-md">
          <div>
            <dt className="text-xs text-slate-600">{t("personas.factSize")}</dt>
            <dd className="text-lg font-semibold">{t("personas.respondentsN", { n: formatCount(locale, facts.size) })}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600">{t("personas.factShare")}</dt>
            <dd className="text-lg font-semibold">{formatShare(locale, facts.share)}</dd>
          </div>
        </dl>
        <DistinctiveStatements distinctive={facts.distinctive} t={t} locale={locale} title={t("personas.topMotives")} />
      </Section>

      <div className="grid gap-5 md:grid-cols-2">
        <Section title={t("personas.goals")}>
          <TextList items={persona.goals} empty={t("personas.noneWritten")} />
        </Section>
        <Section title={t("personas.pains")}>
          <TextList items={persona.pains} empty={t("personas.noneWritten")} />
        </Section>
      </div>

      <Section title={t("personas.actions")}>
        <ActionsByFunction actions={persona.actions} t={t} />
      </Section>
    </article>
  );
}
