import type { PersonaStatus } from "@/lib/personas/schemas";
import type { Translate } from "@/lib/i18n/translator";

const STYLES = {
  none: "bg-slate-100 text-slate-700",
  draft: "bg-amber-100 text-amber-900",
  published: "bg-emerald-100 text-emerald-900",
} as const;

export function PersonaStatusBadge({ status, t }: { status: PersonaStatus | "none"; t: Translate }) {
  return <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-medium ${STYLES[status]}`}>{t(`personas.status_${status}`)}</span>;
}
