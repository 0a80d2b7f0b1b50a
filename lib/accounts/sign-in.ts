import type { Database } from "@/db/client";
import { findUserCredentials, type PublicUser } from "@/db/queries/users";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/passwords";
import { ZSignInInput } from "@/lib/auth/schemas";
import { clientAddress, type HeaderSource } from "@/lib/http/client-address";
import { signInRateLimitMessage } from "@/lib/rate-limit/format-wait";
import { limitSignIn, RateLimitedError, type BackoffGate } from "@/lib/rate-limit/limits";

/** Checks e-mail and password; undefined for any mismatch, without telling which part was wrong. */
export async function verifyCredentials(db: Database, rawInput: unknown): Promise<Omit<PublicUser, "createdAt"> | undefined> {
  const parsed = ZSignInInput.safeParse(rawInput);
  if (!parsed.success) return undefined;
  const user = await findUserCredentials(db, { email: parsed.data.email });
  if (!user?.passwordHash) {
    await verifyAgainstDummy(parsed.data.password);
    return undefined;
  }
  if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return undefined;
  return { id: user.id, email: user.email, name: user.name };
}

/**
 * Sign-in as next-auth's credentials `authorize` runs it: rate-limited per client address and per
 * account before the password is checked (lib/rate-limit/limits.ts). A limit throws an Error whose
 * message, "rate_limited:<seconds>", next-auth hands to the sign-in form as its `error`.
 */
export async function authorizeCredentials(db: Database, rawInput: unknown, params: { headers?: HeaderSource; now?: Date }) {
  const parsed = ZSignInInput.safeParse(rawInput);
  if (!parsed.success) return undefined;
  let gate: BackoffGate;
  try {
    gate = await limitSignIn(db, { email: parsed.data.email, address: clientAddress(params.headers), now: params.now });
  } catch (error) {
    if (error instanceof RateLimitedError) throw new Error(signInRateLimitMessage(error.retryAfterSeconds!));
    throw error;
  }
  const user = await verifyCredentials(db, parsed.data);
  if (user) await gate.succeeded();
  return user;
}
