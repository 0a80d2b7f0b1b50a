import type { ReactNode } from "react";

export const TH = "px-3 py-2 font-medium";
export const TD = "px-3 py-2 text-right tabular-nums";

/** A results table: caption, column headers (the first names the rows) and body rows headed by their first cell. */
export function ResultTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: { key: string; head: ReactNode; cells: ReactNode[] }[] }) {
  return (
    <table className="min-w-full text-sm">
      <caption className="mb-1 text-left text-xs text-slate-600">{caption}</caption>
      <thead className="bg-slate-50 text-left text-slate-600">
        <tr>
          {columns.map((column, index) => (
            <th key={column} scope="col" className={index === 0 ? TH : `${TH} text-right`}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" className="px-3 py-2 text-left font-normal">
              {row.head}
            </th>
            {row.cells.map((cell, index) => (
              <td key={index} className={TD}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export type Formats = { number: Intl.NumberFormat; percent: Intl.NumberFormat };
export const dash = (value: number | null, format: Intl.NumberFormat) => (value === null ? "–" : format.format(value));
