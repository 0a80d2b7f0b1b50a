/** A row of labelled figures (k, n, within-SS …) as a description list, so screen readers pair each label with its value. */
export function StatList({ stats, columns = 5 }: { stats: { label: string; value: string }[]; columns?: 4 | 5 }) {
  return (
    <dl className={`grid grid-cols-2 gap-3 ${columns === 5 ? "sm:grid-cols-5" : "sm:grid-cols-4"}`}>
      {stats.map((stat) => (
        <div key={stat.label} className="rounded-md border border-slate-200 bg-white px-3 py-2">
          <dt className="text-xs text-slate-600">{stat.label}</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900">{stat.value}</dd>
        </div>
      ))}
    </dl>
  );
}
