import { createHmac } from "node:crypto";
import { authSecret } from "@/lib/env";

let pepper: string | undefined;

/**
 * What a rate-limit row is keyed by: e-mails and addresses are personal data, so only an HMAC-SHA256
 * with the auth secret as pepper is stored (without the secret, a leaked table cannot be reversed by
 * hashing every address or a list of e-mails). The secret is read once per process: the submit path
 * calls this on every request.
 */
export function rateLimitKey(value: string): string {
  pepper ??= authSecret();
  return createHmac("sha256", pepper).update(value).digest("base64url");
}
