const STYLES = {
  draft: "bg-slate-100 text-slate-700 ring-slate-300",
  published: "bg-green-50 text-green-800 ring-green-600/30",
  closed: "bg-amber-50 text-amber-800 ring-amber-600/30",
} as const;

/** Draft / Published / Closed, as text (the colour only repeats it). */
export function SurveyStatusBadge({ status, label }: { status: keyof typeof STYLES; label: string }) {
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status]}`}>{label}</span>;
}
