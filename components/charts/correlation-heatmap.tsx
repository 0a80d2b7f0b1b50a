"use client";

const CELL = 22;

/** Diverging colour: blue for negative, red for positive correlations, white at 0, grey when undefined. */
function colour(r: number | null): string {
  if (r === null) return "#e2e8f0";
  const t = Math.min(1, Math.abs(r));
  const channel = Math.round(255 * (1 - t));
  return r >= 0 ? `rgb(255, ${channel}, ${channel})` : `rgb(${channel}, ${channel}, 255)`;
}

/**
 * Correlation heat map in plain SVG (one square per pair, numbered rows and columns; the legend
 * names what each number is). Values are also in the frame's table and CSV.
 */
export function CorrelationHeatmap({ labels, matrix }: { labels: string[]; matrix: (number | null)[][] }) {
  const n = labels.length;
  const offset = 28;
  const size = offset + n * CELL + 4;
  return (
    <div className="space-y-2">
      <svg viewBox={`0 0 ${size} ${size}`} width={Math.min(size * 1.4, 640)} className="max-w-full" xmlns="http://www.w3.org/2000/svg">
        {labels.map((_, i) => (
          <g key={i}>
            <text x={offset + i * CELL + CELL / 2} y={offset - 8} textAnchor="middle" fontSize={10} fill="#334155">{i + 1}</text>
            <text x={offset - 6} y={offset + i * CELL + CELL / 2 + 3} textAnchor="end" fontSize={10} fill="#334155">{i + 1}</text>
          </g>
        ))}
        {matrix.map((row, i) =>
          row.map((value, j) => (
            <rect key={`${i}-${j}`} x={offset + j * CELL} y={offset + i * CELL} width={CELL - 1} height={CELL - 1} fill={colour(value)}>
              <title>{`${labels[i]} × ${labels[j]}: ${value === null ? "—" : value.toFixed(2)}`}</title>
            </rect>
          )),
        )}
      </svg>
      <ol className="grid list-decimal gap-x-6 pl-6 text-xs text-slate-700 sm:grid-cols-2">
        {labels.map((label, i) => (
          <li key={i}>{label}</li>
        ))}
      </ol>
      <div aria-hidden="true" className="flex items-center gap-2 text-xs text-slate-600">
        <span>−1</span>
        <span className="h-2 w-32 rounded-sm" style={{ background: "linear-gradient(to right, rgb(0,0,255), #fff, rgb(255,0,0))" }} />
        <span>+1</span>
      </div>
    </div>
  );
}
