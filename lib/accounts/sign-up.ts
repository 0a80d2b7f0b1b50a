import type { Database } from "@/db/client";
import { insertUser } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/passwords";
import { ZSignUpInput } from "@/lib/auth/schemas";
import { AppError } from "@/lib/errors";

export async function signUp(db: Database, rawInput: unknown) {
  const input = ZSignUpInput.parse(rawInput);
  const user = await insertUser(db, { email: input.email, name: input.name, passwordHash: await hashPassword(input.password) });
  if (!user) {
    throw new AppError("conflict", "An account with this e-mail already exists. Sign in instead.", {
      email: ["An account with this e-mail already exists"],
    });
  }
  return user;
}
