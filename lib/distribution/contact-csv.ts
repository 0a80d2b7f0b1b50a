import { isLocale, type Locale } from "@/lib/i18n/locales";

/**
 * Contact lists as CSV: a header row naming email, customer_id, language and any other columns
 * (kept as attributes). Every bad row is reported with its line number and reason; good rows are kept.
 * Pure, so the page, the API and the tests share one rule set.
 */

export type ContactRow = { email: string; customerId: string | null; language: Locale | null; attributes: Record<string, string> };
export type RowProblemCode = "email" | "duplicate" | "language" | "customer_id" | "columns";
export type RowProblem = { line: number; email: string; code: RowProblemCode; message: string };
export type RawContactRow = { line: number; fields: Record<string, string> };

export const MAX_CONTACTS_PER_IMPORT = 20_000;
const EMAIL = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[^\s@"<>,;]{2,}$/;
const CUSTOMER_ID_MAX = 200;
const ATTRIBUTE_MAX = 500;

/** Splits CSV text (comma or semicolon, quotes may hold separators and line breaks) into rows with the line each starts on. */
export function parseCsvRows(text: string): { line: number; cells: string[] }[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((value) => value.trim() !== "")) rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
  };
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char === "\n") line++;
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') (cell += '"'), i++;
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) cells.push(cell), (cell = "");
    else if (char === "\n") endRow(), (rowLine = line);
    else if (char !== "\r") cell += char;
  }
  endRow();
  return rows;
}

/** Header names as keys: "E-mail", "Customer ID" and "customer_id" all mean the same column. */
function columnKey(name: string): string {
  const key = name.trim().toLowerCase().replace(/[\s-]+/g, "_");
  if (key === "e_mail" || key === "email_address") return "email";
  if (key === "customerid" || key === "customer") return "customer_id";
  if (key === "lang" || key === "locale") return "language";
  return key;
}

export function csvToRawRows(text: string): RawContactRow[] | { error: string } {
  const [header, ...rows] = parseCsvRows(text);
  if (!header) return { error: "The file is empty." };
  const keys = header.cells.map(columnKey);
  if (!keys.includes("email")) return { error: "The first row must name the columns and include one called email." };
  return rows.map((row) => ({ line: row.line, fields: Object.fromEntries(keys.map((key, i) => [key, row.cells[i]?.trim() ?? ""])) }));
}

/** Checks each row; an e-mail seen twice in one file keeps its first row and reports the others. */
export function validateContactRows(rows: readonly RawContactRow[], surveyLanguages: readonly string[]) {
  const valid: ContactRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of rows) {
    const email = (fields.email ?? "").trim().toLowerCase();
    const problem = (code: RowProblemCode, message: string) => problems.push({ line, email, code, message });
    if (!EMAIL.test(email) || email.length > 254) {
      problem("email", `"${fields.email ?? ""}" is not a valid e-mail address.`);
      continue;
    }
    if (seen.has(email)) {
      problem("duplicate", `${email} already appears on line ${seen.get(email)}.`);
      continue;
    }
    const language = (fields.language ?? "").trim().toLowerCase();
    if (language && !(isLocale(language) && surveyLanguages.includes(language))) {
      problem("language", `Language "${language}" is not one of the survey's languages (${surveyLanguages.join(", ")}).`);
      continue;
    }
    const customerId = (fields.customer_id ?? "").trim();
    if (customerId.length > CUSTOMER_ID_MAX) {
      problem("customer_id", `The customer id is longer than ${CUSTOMER_ID_MAX} characters.`);
      continue;
    }
    seen.set(email, line);
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (!["email", "customer_id", "language"].includes(key) && key && value) attributes[key] = value.slice(0, ATTRIBUTE_MAX);
    }
    valid.push({ email, customerId: customerId || null, language: (language || null) as Locale | null, attributes });
  }
  return { valid, problems };
}
