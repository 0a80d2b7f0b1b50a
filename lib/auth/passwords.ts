import bcrypt from "bcryptjs";

const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

let dummyHash: string | undefined;

/** Compared against when the e-mail is unknown, so response time does not reveal which e-mails exist. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= await bcrypt.hash("needscape-dummy-password", COST);
  await bcrypt.compare(password, dummyHash);
  return false;
}
