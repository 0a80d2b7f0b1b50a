import { getServerSession } from "next-auth";
import { getDb } from "@/db/client";
import { findUserById, type PublicUser } from "@/db/queries/users";
import { authOptions } from "./options";

/** The signed-in user, re-read from the database so a deleted account loses access at once. */
export async function currentUser(): Promise<PublicUser | undefined> {
  const session = await getServerSession(authOptions());
  const userId = session?.user?.id;
  if (!userId) return undefined;
  return findUserById(getDb(), { userId });
}
