import type { Database } from "@/db/client";
import { findDistributionSurvey, upsertContacts } from "@/db/queries/distribution";
import { AppError } from "@/lib/errors";
import { csvToRawRows, MAX_CONTACTS_PER_IMPORT, validateContactRows, type RawContactRow } from "./contact-csv";

/**
 * Imports a contact list (CSV text or JSON objects with the same columns) into a survey. Good rows
 * are upserted on e-mail in one transaction, so a re-import updates rather than duplicates; every
 * bad row comes back with its line number and reason.
 */
export async function importContacts(
  db: Database,
  params: { workspaceId: string; surveyId: string; csv?: string; objects?: Record<string, string | number | null>[] },
) {
  const survey = await findDistributionSurvey(db, params);
  if (!survey) throw new AppError("not_found", "Survey not found.");
  let raw: RawContactRow[];
  if (params.csv !== undefined) {
    const parsed = csvToRawRows(params.csv);
    if ("error" in parsed) throw new AppError("invalid", parsed.error, { csv: [parsed.error] });
    raw = parsed;
  } else {
    // JSON rows are numbered from 1 like array positions, so a report names the item to fix.
    raw = (params.objects ?? []).map((object, index) => ({
      line: index + 1,
      fields: Object.fromEntries(Object.entries(object).map(([key, value]) => [key.trim().toLowerCase(), value === null ? "" : String(value)])),
    }));
  }
  if (raw.length > MAX_CONTACTS_PER_IMPORT) {
    throw new AppError("too_large", `At most ${MAX_CONTACTS_PER_IMPORT.toLocaleString("en")} contacts per import; split the file.`);
  }
  const { valid, problems } = validateContactRows(raw, survey.definition.languages);
  const { inserted, updated } = await db.transaction((tx) => upsertContacts(tx, { workspaceId: params.workspaceId, surveyId: survey.id, rows: valid }));
  return { rows: raw.length, inserted, updated, problems };
}
