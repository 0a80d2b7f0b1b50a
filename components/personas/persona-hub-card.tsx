import Link from "next/link";
import type { Translate } from "@/lib/i18n/translator";
import { formatShare } from "./format";
import { PersonaAvatar } from "./persona-avatar";

type Props = { persona: { name: string; summary: string; share: number; segmentationName: string }; href: string; t: Translate; locale: string };

/** A published persona in the hub; the whole card area is one link to its page. */
export function PersonaHubCard({ persona, href, t, locale }: Props) {
  return (
    <article className="relative flex gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm focus-within:ring-2 focus-within:ring-indigo-600 hover:border-indigo-300">
      <PersonaAvatar name={persona.name} />
      <div className="min-w-0">
        <h3 className="text-base font-semibold text-slate-900">
          <Link href={href} className="after:absolute after:inset-0 focus:outline-none">
            {persona.name}
          </Link>
        </h3>
        {persona.summary && <p className="mt-1 text-sm text-slate-700">{persona.summary}</p>}
        <p className="mt-2 text-xs text-slate-600">
          {t("personas.shareOfRespondents", { share: formatShare(locale, persona.share) })} · {t("personas.fromSegmentation", { name: persona.segmentationName })}
        </p>
      </div>
    </article>
  );
}
