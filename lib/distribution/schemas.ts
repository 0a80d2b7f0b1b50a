import { z } from "zod";
import { ZSurveyQuota } from "./quotas";

/** Inputs of the distribution actions and API routes; the forms and the server parse with the same schemas. */

const ZUuid = z.uuid("Unknown id");
const MAX_CSV_CHARS = 5_000_000;

export const ZImportContactsInput = z.object({
  surveyId: ZUuid,
  csv: z.string().trim().min(1, "Choose a CSV file or paste its contents").max(MAX_CSV_CHARS, "The file is too large (at most 5 MB)"),
});
export type TImportContactsInput = z.input<typeof ZImportContactsInput>;

/** The API takes either CSV text or a JSON array of contact objects (same columns as the CSV). */
export const ZApiContactsBody = z.union([
  z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])), "Send an array of contacts").max(20_000, "At most 20,000 contacts per request"),
  z.object({ csv: z.string().max(MAX_CSV_CHARS, "The CSV is too large (at most 5 MB)") }),
]);

export const ZSendMessagesInput = z.object({
  surveyId: ZUuid,
  kind: z.enum(["invitation", "reminder"], "Choose invitations or reminders"),
  // A datetime-local value ("2026-05-01T09:00") or ISO time; empty sends now.
  sendAt: z
    .string()
    .trim()
    .optional()
    .refine((value) => !value || !Number.isNaN(Date.parse(value)), "Enter a valid date and time"),
  // The browser's UTC offset in minutes (Date.getTimezoneOffset), so a local time means what the user saw.
  timezoneOffset: z.number().int().min(-900).max(900).optional(),
});
export type TSendMessagesInput = z.input<typeof ZSendMessagesInput>;

/**
 * A survey's limits as PUT /api/v1/surveys/{surveyId}/limits takes them; the Distribute page's form adds
 * the survey (ZSurveyLimitsInput). An empty field or null means no limit of that kind.
 */
export const ZSurveyLimits = z.object({
  closeAt: z
    .string()
    .trim()
    .nullable()
    .optional()
    .refine((value) => !value || !Number.isNaN(Date.parse(value)), "Enter a valid date and time"),
  timezoneOffset: z.number().int().min(-900).max(900).optional(),
  responseLimit: z.union([z.literal(""), z.null(), z.coerce.number().int("Enter a whole number").min(1, "The limit is at least 1").max(10_000_000)]).optional(),
  quotas: z.array(ZSurveyQuota).max(50, "At most 50 quotas").default([]),
  // Personal links stop working this many days after they were sent (the close date ends them anyway).
  personalLinkDays: z
    .union([z.literal(""), z.null(), z.coerce.number().int("Enter a whole number of days").min(1, "At least 1 day").max(3650, "At most 3650 days")])
    .optional(),
});
export type TSurveyLimits = z.input<typeof ZSurveyLimits>;

export const ZSurveyLimitsInput = ZSurveyLimits.extend({ surveyId: ZUuid });
export type TSurveyLimitsInput = z.input<typeof ZSurveyLimitsInput>;

export const ZUnsubscribeInput = z.object({ token: z.string().max(200) });

/** A datetime-local string is the user's wall-clock time: shift it by their offset to get UTC. */
export function parseLocalDateTime(value: string | null | undefined, timezoneOffset: number | undefined): Date | null {
  if (!value) return null;
  if (/[zZ]|[+-]\d\d:?\d\d$/.test(value)) return new Date(value);
  const asUtc = Date.parse(`${value}Z`);
  return new Date(asUtc + (timezoneOffset ?? 0) * 60_000);
}
