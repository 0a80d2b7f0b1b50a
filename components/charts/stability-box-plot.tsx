"use client";

export type BoxStats = { k: number; min: number; q1: number; median: number; q3: number; max: number };

const WIDTH = 520;
const HEIGHT = 260;
const PAD = { left: 48, right: 16, top: 12, bottom: 40 };

/**
 * Global stability per k as box plots of the bootstrap ARIs (recharts has no box plot, so plain
 * SVG): box from Q1 to Q3, a line at the median, whiskers to min and max, on a fixed 0–1 axis.
 */
export function StabilityBoxPlot({ boxes, xLabel, yLabel, highlight }: { boxes: BoxStats[]; xLabel: string; yLabel: string; highlight?: number }) {
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const min = Math.min(0, ...boxes.map((box) => box.min));
  const y = (value: number) => PAD.top + innerH * (1 - (value - min) / (1 - min));
  const step = innerW / Math.max(1, boxes.length);
  const ticks = [0, 0.25, 0.5, 0.75, 1].filter((tick) => tick >= min);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" height={HEIGHT} className="max-w-full" xmlns="http://www.w3.org/2000/svg">
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke={tick === 0.75 ? "#94a3b8" : "#e2e8f0"} strokeDasharray={tick === 0.75 ? "4 3" : undefined} />
          <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize={12} fill="#334155">{tick.toFixed(2)}</text>
        </g>
      ))}
      {boxes.map((box, index) => {
        const cx = PAD.left + step * (index + 0.5);
        const half = Math.min(24, step * 0.3);
        const chosen = box.k === highlight;
        const color = chosen ? "#4338ca" : "#64748b";
        return (
          <g key={box.k}>
            <line x1={cx} x2={cx} y1={y(box.max)} y2={y(box.q3)} stroke={color} />
            <line x1={cx} x2={cx} y1={y(box.q1)} y2={y(box.min)} stroke={color} />
            <line x1={cx - half / 2} x2={cx + half / 2} y1={y(box.max)} y2={y(box.max)} stroke={color} />
            <line x1={cx - half / 2} x2={cx + half / 2} y1={y(box.min)} y2={y(box.min)} stroke={color} />
            <rect x={cx - half} width={half * 2} y={y(box.q3)} height={Math.max(1, y(box.q1) - y(box.q3))} fill={chosen ? "#c7d2fe" : "#e2e8f0"} stroke={color} />
            <line x1={cx - half} x2={cx + half} y1={y(box.median)} y2={y(box.median)} stroke={chosen ? "#312e81" : "#0f172a"} strokeWidth={2.5} />
            <text x={cx} y={HEIGHT - PAD.bottom + 16} textAnchor="middle" fontSize={12} fill="#334155" fontWeight={chosen ? 700 : 400}>{box.k}</text>
          </g>
        );
      })}
      <text x={PAD.left + innerW / 2} y={HEIGHT - 6} textAnchor="middle" fontSize={12} fill="#334155">{xLabel}</text>
      <text transform={`translate(12 ${PAD.top + innerH / 2}) rotate(-90)`} textAnchor="middle" fontSize={12} fill="#334155">{yLabel}</text>
    </svg>
  );
}
