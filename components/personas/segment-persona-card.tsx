import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import type { DistinctiveVariables } from "@/lib/personas/distinctive-variables";
import type { PersonaStatus } from "@/lib/personas/schemas";
import type { Translate } from "@/lib/i18n/translator";
import { DistinctiveStatements } from "./distinctive-statements";
import { formatCount, formatShare } from "./format";
import { PersonaStatusBadge } from "./persona-status-badge";

type Props = {
  segment: { id: string; name: string; size: number; share: number };
  persona: { name: string; status: PersonaStatus } | null;
  distinctive: DistinctiveVariables;
  suggestion: string | undefined;
  canWrite: boolean;
  personasPath: string;
  t: Translate;
  locale: string;
};

/** One segment on the Personas tab: size, evidence, current name and the way to its persona. A region named by the segment. */
export function SegmentPersonaCard({ segment, persona, distinctive, suggestion, canWrite, personasPath, t, locale }: Props) {
  const headingId = `segment-${segment.id}`;
  const visible = persona && (canWrite || persona.status === "published");
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 id={headingId} className="text-lg font-semibold text-slate-900">
            {segment.name}
          </h3>
          <p className="text-sm text-slate-600">
            {t("personas.segmentSize", { size: formatCount(locale, segment.size), share: formatShare(locale, segment.share) })}
          </p>
        </div>
        <PersonaStatusBadge status={visible ? persona.status : "none"} t={t} />
      </div>
      {visible && persona.name !== segment.name && <p className="mt-2 text-sm text-slate-800">{persona.name}</p>}
      <div className="mt-4">
        <DistinctiveStatements distinctive={distinctive} t={t} locale={locale} headingLevel="h4" />
      </div>
      {canWrite && suggestion && suggestion !== segment.name && (
        <p className="mt-3 text-sm text-slate-600">{t("personas.suggestedName", { name: suggestion })}</p>
      )}
      <div className="mt-4 flex flex-wrap gap-2">
        {canWrite && (
          <Link href={`${personasPath}/${segment.id}/edit`} className={buttonClass(persona ? "secondary" : "primary")}>
            {persona ? t("personas.editPersona") : t("personas.writePersona")}
          </Link>
        )}
        {visible && (
          <Link href={`${personasPath}/${segment.id}`} className={buttonClass("ghost")}>
            {t("personas.viewPersona")}
          </Link>
        )}
      </div>
    </section>
  );
}
