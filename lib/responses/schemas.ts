import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { ZSubmitResponseInput } from "@/lib/surveys/schemas";
import { QUALITY_FLAGS } from "./quality";

/** Autosave from the respondent page: the submit's fields, answers possibly incomplete. */
export const ZSaveProgressInput = ZSubmitResponseInput.extend({
  lastQuestionId: z.string().max(40).optional(),
});
export type TSaveProgressInput = z.input<typeof ZSaveProgressInput>;

/** A returning browser asks for its answers so far with the key it kept. */
export const ZLoadProgressInput = ZSubmitResponseInput.pick({ publicId: true, submissionKey: true });
export type TLoadProgressInput = z.input<typeof ZLoadProgressInput>;

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** Filters of the response list (page query string and API). */
export const ZResponseListFilters = z.object({
  status: z.preprocess(blankToUndefined, z.enum(["partial", "complete"]).optional()),
  channel: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()),
  language: z.preprocess(blankToUndefined, z.enum(LOCALES).optional()),
  // "any" = at least one flag, "none" = clean, or one flag by name.
  flag: z.preprocess(blankToUndefined, z.enum(["any", "none", ...QUALITY_FLAGS]).optional()),
});
export type TResponseListFilters = z.infer<typeof ZResponseListFilters>;

export const ZResponseListQuery = ZResponseListFilters.extend({
  after: z.preprocess(blankToUndefined, z.uuid("Unknown cursor").optional()),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TResponseListQuery = z.infer<typeof ZResponseListQuery>;

export const ZExportQuery = z.object({
  format: z.enum(["csv", "json", "codebook"], { error: "format is csv, json or codebook" }).default("csv"),
  labels: z.preprocess((value) => value === "1" || value === "true" || value === true, z.boolean()),
  // Texts and built-in labels in this language; one the survey lacks falls back to its default language.
  lang: z.preprocess(blankToUndefined, z.enum(LOCALES, { error: "lang is en, fi or sv" }).optional()),
});
export type TExportQuery = z.infer<typeof ZExportQuery>;

export const ZEraseResponseInput = z.object({ surveyId: z.uuid("Unknown survey"), responseId: z.uuid("Unknown response") });
export type TEraseResponseInput = z.infer<typeof ZEraseResponseInput>;

export const ZEraseCustomerInput = z.object({
  customerId: z.string().trim().min(1, "Enter a customer id").max(200, "A customer id has at most 200 characters"),
});
export type TEraseCustomerInput = z.infer<typeof ZEraseCustomerInput>;
