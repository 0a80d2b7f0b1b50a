import { hash, verify } from "@node-rs/bcrypt";

// Native bcrypt: each hash runs in libuv's thread pool, so sign-ins never block the event loop.
// It reads and writes the same $2a$/$2b$ cost-10 hashes bcryptjs made before.
const COST = 10;

/** bcrypt reads only the first 72 bytes; the schemas refuse longer passwords so two different ones can never match. */
export const BCRYPT_MAX_BYTES = 72;

export function hashPassword(password: string): Promise<string> {
  return hash(password, COST);
}

export async function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
  try {
    return await verify(password, passwordHash);
  } catch {
    // A malformed stored hash never matches.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Compared against when the e-mail is unknown, so response time does not reveal which e-mails exist. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hash("needscape-dummy-password", COST);
  await verify(password, await dummyHash);
  return false;
}
