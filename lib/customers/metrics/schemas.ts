import { z } from "zod";
import { allRfmCodes, defaultRfmMap, RFM_SEGMENTS } from "./rfm-map";
import { SCORE_METHODS } from "./scoring";

const whole = (what: string) => z.number({ error: `Enter the ${what} as a number` }).int(`The ${what} must be a whole number`);

const RFM_CODES = allRfmCodes();

/**
 * A study's customer-metric settings. The settings form, the server action and
 * PUT /api/v1/studies/{studyId}/customers/settings all parse with this schema.
 */
export const ZCustomerMetricSettings = z
  .object({
    // Empty: the day after the last transaction that survives cleaning.
    referenceDate: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the form YYYY-MM-DD")
      .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "Not a real date")
      .nullable()
      .default(null),
    cleaning: z
      .object({
        excludeCancellations: z.boolean().default(true),
        excludeNonPositive: z.boolean().default(true),
        excludeMissingCustomer: z.boolean().default(true),
      })
      .default({ excludeCancellations: true, excludeNonPositive: true, excludeMissingCustomer: true }),
    scoreMethod: z.enum(SCORE_METHODS, { error: "Choose a tie rule" }).default("lower"),
    rfmMap: z
      .record(z.string(), z.enum(RFM_SEGMENTS, { error: "Unknown segment" }))
      .refine((map) => RFM_CODES.every((code) => code in map) && Object.keys(map).length === RFM_CODES.length, "The map needs all 125 codes 111 … 555")
      .default(defaultRfmMap),
    tiers: z
      .object({
        powerMinActiveDays: whole("number of days").min(1, "At least 1 day").max(30, "At most 30 days"),
        activeMinActiveDays: whole("number of days").min(1, "At least 1 day").max(30, "At most 30 days"),
        dormantAfterDays: whole("number of days").min(1, "At least 1 day").max(3650, "At most 3650 days"),
      })
      .refine((t) => t.powerMinActiveDays > t.activeMinActiveDays, {
        message: "Power needs more active days than Active",
        path: ["powerMinActiveDays"],
      })
      .default({ powerMinActiveDays: 15, activeMinActiveDays: 4, dormantAfterDays: 30 }),
    churnDays: whole("number of days").min(1, "At least 1 day").max(3650, "At most 3650 days").default(90),
    arpuMonths: whole("number of months").min(1, "At least 1 month").max(120, "At most 120 months").default(12),
    // Join respondents to customers only by ids from signed personal links, never by an id a public link's
    // URL or the public API carried (anyone can send those). Read where the joins run: db/queries/customer-join.ts.
    joinVerifiedOnly: z.boolean().default(false),
  });
export type TCustomerMetricSettings = z.output<typeof ZCustomerMetricSettings>;
export type TCustomerMetricSettingsInput = z.input<typeof ZCustomerMetricSettings>;

export function defaultCustomerMetricSettings(): TCustomerMetricSettings {
  return ZCustomerMetricSettings.parse({});
}

/** Stored settings are re-parsed on read so older rows pick up new defaults. */
export function readStoredSettings(stored: unknown): TCustomerMetricSettings {
  const parsed = ZCustomerMetricSettings.safeParse(stored ?? {});
  return parsed.success ? parsed.data : defaultCustomerMetricSettings();
}

/** The server action's input: the settings plus the study (the API takes it from the URL). */
export const ZSaveCustomerMetricSettingsInput = z.object({ studyId: z.uuid("Unknown study"), settings: ZCustomerMetricSettings });
export const ZRecomputeCustomerMetricsInput = z.object({ studyId: z.uuid("Unknown study") });

/** Query of the customer table (page, API): search by id prefix, filters, keyset cursor. */
export const ZCustomerTableQuery = z.object({
  q: z.string().trim().max(200).optional(),
  segment: z.enum(RFM_SEGMENTS).optional(),
  tier: z.enum(["power", "active", "casual", "dormant"]).optional(),
  after: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type TCustomerTableQuery = z.output<typeof ZCustomerTableQuery>;

/** Query-string values as the table's GET form sends them: an empty field ("Any") means no filter. */
export function customerTableParams(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first.trim() !== "") out[key] = first;
  }
  return out;
}
