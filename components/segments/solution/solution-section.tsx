import type { ReactNode } from "react";

/** A titled part of the solution page, reachable by its anchor (#profile-plot, #descriptors …). */
export function SolutionSection({ id, title, intro, children }: { id: string; title: string; intro?: string; children?: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-base font-semibold text-slate-900">{title}</h2>
      {intro && <p className="max-w-3xl text-sm text-slate-600">{intro}</p>}
      {children}
    </section>
  );
}
