import type { Database } from "@/db/client";
import { findSsoIdentity, findUserForSsoEmail, insertSsoIdentity, insertSsoUser, recordSsoSignIn } from "@/db/queries/sso-identities";
import { resolveSsoUser, type SsoRefusal } from "./resolve-sso-user";

export type SsoSignInInput = {
  provider: string;
  /** The provider's stable id for the person (OIDC `sub`): what links the identity, never the e-mail. */
  subject: string;
  email?: string | null;
  emailVerified: boolean;
  name?: string | null;
  /** Set when a signed-in user started this sign-in from the account page to link the identity. */
  linkingUserId?: string;
  now?: Date;
};

export type SsoSignInResult = { ok: true; userId: string; outcome: "known" | "linked" | "created" } | { ok: false; reason: SsoRefusal };

/** Finds, links or creates the Needscape user of an SSO sign-in (see resolveSsoUser for the rules). */
export async function signInWithSso(db: Database, input: SsoSignInInput): Promise<SsoSignInResult> {
  const now = input.now ?? new Date();
  const key = { provider: input.provider, subject: input.subject };
  const email = input.email?.trim().toLowerCase() || undefined;
  return db.transaction(async (tx) => {
    const identity = await findSsoIdentity(tx, key);
    const emailUser = !identity && !input.linkingUserId && email ? await findUserForSsoEmail(tx, { email }) : undefined;
    const decision = resolveSsoUser({
      identityUserId: identity?.userId,
      email,
      emailVerified: input.emailVerified,
      emailUser,
      linkingUserId: input.linkingUserId,
    });
    const record = { ...key, email: email ?? null, emailVerified: input.emailVerified, now };
    switch (decision.kind) {
      case "refuse":
        return { ok: false, reason: decision.reason };
      case "known":
        await recordSsoSignIn(tx, record);
        return { ok: true, userId: decision.userId, outcome: "known" };
      case "link":
        // Another sign-in with the same identity may have linked it a moment ago.
        if (!(await insertSsoIdentity(tx, { ...record, userId: decision.userId }))) return { ok: false, reason: "sso_linked_elsewhere" };
        return { ok: true, userId: decision.userId, outcome: "linked" };
      case "create": {
        const user = await insertSsoUser(tx, { email: email!, name: (input.name?.trim() || email!).slice(0, 120) });
        if (!user) throw new Error("An account with this e-mail was created at the same moment; try again.");
        await insertSsoIdentity(tx, { ...record, userId: user.id });
        return { ok: true, userId: user.id, outcome: "created" };
      }
    }
  });
}
