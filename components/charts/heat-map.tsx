/** A grid heat map drawn as SVG (no chart library has one that fits): darker cells hold more. */
export type HeatCell = { row: number; column: number; value: number; label: string; sublabel?: string };

export function HeatMap({
  rows,
  columns,
  cells,
  rowLabel,
  columnLabel,
}: {
  /** Row keys top to bottom, with their labels. */
  rows: { key: number; label: string }[];
  columns: { key: number; label: string }[];
  cells: HeatCell[];
  rowLabel: string;
  columnLabel: string;
}) {
  const cellW = 84;
  const cellH = 48;
  const left = 56;
  const top = 40;
  const width = left + columns.length * cellW + 4;
  const height = top + rows.length * cellH + 4;
  const max = Math.max(1, ...cells.map((c) => c.value));
  const at = new Map(cells.map((c) => [`${c.row}:${c.column}`, c]));
  return (
    <svg className="chart-root max-w-full" viewBox={`0 0 ${width} ${height}`} width={width} height={height} fontFamily="system-ui, sans-serif">
      <text x={left + (columns.length * cellW) / 2} y={12} textAnchor="middle" fontSize={11} fill="#475569">
        {columnLabel}
      </text>
      <text x={12} y={top + (rows.length * cellH) / 2} textAnchor="middle" fontSize={11} fill="#475569" transform={`rotate(-90 12 ${top + (rows.length * cellH) / 2})`}>
        {rowLabel}
      </text>
      {columns.map((c, j) => (
        <text key={c.key} x={left + j * cellW + cellW / 2} y={top - 4} textAnchor="middle" fontSize={11} fill="#334155">
          {c.label}
        </text>
      ))}
      {rows.map((r, i) => (
        <g key={r.key}>
          <text x={left - 6} y={top + i * cellH + cellH / 2 + 4} textAnchor="end" fontSize={11} fill="#334155">
            {r.label}
          </text>
          {columns.map((c, j) => {
            const cell = at.get(`${r.key}:${c.key}`);
            const share = cell ? cell.value / max : 0;
            // Indigo with opacity by share; text flips to white on dark cells for contrast.
            return (
              <g key={c.key}>
                <rect x={left + j * cellW} y={top + i * cellH} width={cellW - 2} height={cellH - 2} rx={3} fill={cell ? `rgba(67, 56, 202, ${0.08 + 0.92 * share})` : "#f8fafc"} />
                {cell && (
                  <>
                    <text x={left + j * cellW + cellW / 2 - 1} y={top + i * cellH + 20} textAnchor="middle" fontSize={12} fontWeight={600} fill={share > 0.5 ? "#fff" : "#0f172a"}>
                      {cell.label}
                    </text>
                    {cell.sublabel && (
                      <text x={left + j * cellW + cellW / 2 - 1} y={top + i * cellH + 36} textAnchor="middle" fontSize={10} fill={share > 0.5 ? "#e0e7ff" : "#475569"}>
                        {cell.sublabel}
                      </text>
                    )}
                  </>
                )}
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
