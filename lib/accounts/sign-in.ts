import type { Database } from "@/db/client";
import { findUserCredentials, type PublicUser } from "@/db/queries/users";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/passwords";
import { ZSignInInput } from "@/lib/auth/schemas";

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
