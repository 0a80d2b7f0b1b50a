import type { MessageKey } from "@/lib/i18n/messages";

const SSO_REFUSALS = ["sso_no_email", "sso_unverified_email", "sso_password_account", "sso_linked_elsewhere"] as const;

/**
 * The translated text for the login page's `?error=` code: our SSO refusals by name, anything else
 * (next-auth's own codes, or whatever someone typed into the URL) as one generic message, never echoed.
 */
export function loginErrorKey(code: unknown): MessageKey | undefined {
  if (typeof code !== "string" || !code) return undefined;
  return (SSO_REFUSALS as readonly string[]).includes(code) ? (`account.error_${code}` as MessageKey) : "account.error_generic";
}
