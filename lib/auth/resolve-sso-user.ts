/**
 * Who an SSO sign-in is, decided without a database: identities are linked by provider and subject,
 * an e-mail match is accepted only when the provider verified the e-mail, and an account with a
 * password is never taken over by an SSO sign-in that merely shares its e-mail.
 */

export type SsoRefusal =
  /** The provider sent no e-mail, so there is nothing to create an account for. */
  | "sso_no_email"
  /** The provider did not say the e-mail is verified: it proves nothing about who owns the address. */
  | "sso_unverified_email"
  /** A password account has this e-mail: sign in with the password, then link SSO on the account page. */
  | "sso_password_account"
  /** While linking: this SSO identity already belongs to another Needscape account. */
  | "sso_linked_elsewhere";

export type SsoDecision =
  | { kind: "known"; userId: string }
  | { kind: "link"; userId: string }
  | { kind: "create" }
  | { kind: "refuse"; reason: SsoRefusal };

export type SsoFacts = {
  /** The (provider, subject) pair's current owner, if it is linked already. */
  identityUserId?: string;
  /** The e-mail the provider sent, if any (lower-cased). */
  email?: string;
  emailVerified: boolean;
  /** The user who owns that e-mail in Needscape, if any. */
  emailUser?: { id: string; hasPassword: boolean };
  /** The signed-in user who started this sign-in from the account page to link the identity. */
  linkingUserId?: string;
};

export function resolveSsoUser(facts: SsoFacts): SsoDecision {
  if (facts.identityUserId) {
    if (facts.linkingUserId && facts.linkingUserId !== facts.identityUserId) return { kind: "refuse", reason: "sso_linked_elsewhere" };
    // The subject is what identifies a person at the provider: it wins even if the e-mail changed since.
    return { kind: "known", userId: facts.identityUserId };
  }
  // Signed in (with a password or another identity) and authenticated at the provider: both proofs are there.
  if (facts.linkingUserId) return { kind: "link", userId: facts.linkingUserId };
  if (!facts.email) return { kind: "refuse", reason: "sso_no_email" };
  if (!facts.emailVerified) return { kind: "refuse", reason: "sso_unverified_email" };
  if (facts.emailUser) {
    if (facts.emailUser.hasPassword) return { kind: "refuse", reason: "sso_password_account" };
    return { kind: "link", userId: facts.emailUser.id };
  }
  return { kind: "create" };
}

/**
 * Whether the provider vouches for the e-mail. OIDC and Google: the standard `email_verified` claim
 * must be `true`. Microsoft Entra ID sends no `email_verified`; it counts as verified only when the
 * token says so (`email_verified`, or the optional claim `xms_edov`, "e-mail domain owner verified").
 */
export function ssoEmailVerified(provider: string, profile: Record<string, unknown> | undefined): boolean {
  if (!profile) return false;
  if (profile.email_verified === true) return true;
  return provider === "azure-ad" && profile.xms_edov === true;
}
