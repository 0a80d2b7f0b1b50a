import type { ReactNode } from "react";

export type DataTableColumn = { label: ReactNode; align?: "left" | "right"; hiddenLabel?: boolean };

/** The app's table frame: a caption for screen readers (or shown), column headers, and the caller's rows. */
export function DataTable(props: { caption: ReactNode; showCaption?: boolean; columns: DataTableColumn[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className={props.showCaption ? "px-4 py-2 text-left font-semibold text-slate-900" : "sr-only"}>{props.caption}</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            {props.columns.map((column, index) => (
              <th key={index} scope="col" className={`px-4 py-2 ${column.align === "right" ? "text-right" : ""}`}>
                {column.hiddenLabel ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{props.children}</tbody>
      </table>
    </div>
  );
}
