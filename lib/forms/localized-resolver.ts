import { toNestErrors, validateFieldsNatively } from "@hookform/resolvers";
import type { FieldError, FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

/**
 * zodResolver with the messages chosen per issue: the respondent form words answer issues in the
 * respondent's language from their message keys (zodResolver keeps only the English message and
 * drops the issue's params). Like zodResolver, the first issue per field wins and valid input
 * comes back parsed.
 */
export function localizedResolver<T extends FieldValues>(schema: z.ZodType, messageOf: (issue: z.core.$ZodIssue) => string): Resolver<T> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) {
      if (options.shouldUseNativeValidation) validateFieldsNatively({}, options);
      return { values: result.data as T, errors: {} };
    }
    const errors: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join(".");
      errors[path] ??= { message: messageOf(issue), type: issue.code };
    }
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}
