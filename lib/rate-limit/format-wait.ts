import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translator";

/**
 * A wait in words for "Try again in …": seconds under a minute, whole minutes (rounded up) to 90
 * minutes, then hours. Intl's unit names are in the right form for each language's sentence.
 */
export function formatWait(seconds: number, locale: Locale): string {
  const s = Math.max(1, Math.ceil(seconds));
  const [value, unit] = s < 60 ? [s, "second"] : s <= 90 * 60 ? [Math.ceil(s / 60), "minute"] : [Math.ceil(s / 3600), "hour"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(value);
}

/** next-auth hands an error thrown in `authorize` to the browser as its message: "rate_limited:<seconds>". */
export const SIGN_IN_RATE_LIMITED = "rate_limited";

export function signInRateLimitMessage(seconds: number): string {
  return `${SIGN_IN_RATE_LIMITED}:${Math.max(1, Math.ceil(seconds))}`;
}

/** The seconds in a sign-in error from next-auth, or undefined for any other error. */
export function parseSignInRateLimit(error: string | null | undefined): number | undefined {
  const match = /^rate_limited:(\d{1,9})$/.exec(error ?? "");
  return match ? Number(match[1]) : undefined;
}

/** A failed action's message for a form: a rate limit as "Too many attempts. Try again in …" in the UI's language. */
export function actionErrorText(failure: { error: string; code: string; retryAfterSeconds?: number }, t: Translate, locale: Locale): string {
  return failure.code === "rate_limited" ? t("auth.tooManyAttempts", { wait: formatWait(failure.retryAfterSeconds ?? 60, locale) }) : failure.error;
}
