import { describe, expect, it } from "vitest";
import { resolveSsoUser, ssoEmailVerified } from "./resolve-sso-user";

const email = "aino@example.com";

describe("resolveSsoUser", () => {
  it("signs a known provider subject in as its user, whatever e-mail the provider sends today", () => {
    expect(resolveSsoUser({ identityUserId: "u1", email: "renamed@example.com", emailVerified: false })).toEqual({ kind: "known", userId: "u1" });
    expect(resolveSsoUser({ identityUserId: "u1", emailVerified: false, emailUser: { id: "u2", hasPassword: true } })).toEqual({ kind: "known", userId: "u1" });
  });

  it("refuses an e-mail the provider did not verify, even for a new account", () => {
    expect(resolveSsoUser({ email, emailVerified: false })).toEqual({ kind: "refuse", reason: "sso_unverified_email" });
    expect(resolveSsoUser({ email, emailVerified: false, emailUser: { id: "u1", hasPassword: false } })).toEqual({ kind: "refuse", reason: "sso_unverified_email" });
  });

  it("never attaches SSO to an account with a password, verified or not", () => {
    expect(resolveSsoUser({ email, emailVerified: true, emailUser: { id: "u1", hasPassword: true } })).toEqual({ kind: "refuse", reason: "sso_password_account" });
  });

  it("links a verified e-mail to an SSO-only account and creates a new user otherwise", () => {
    expect(resolveSsoUser({ email, emailVerified: true, emailUser: { id: "u1", hasPassword: false } })).toEqual({ kind: "link", userId: "u1" });
    expect(resolveSsoUser({ email, emailVerified: true })).toEqual({ kind: "create" });
  });

  it("refuses a sign-in without an e-mail", () => {
    expect(resolveSsoUser({ emailVerified: true })).toEqual({ kind: "refuse", reason: "sso_no_email" });
  });

  it("links to the signed-in user who asked from the account page, but never takes an identity from another user", () => {
    expect(resolveSsoUser({ email, emailVerified: false, linkingUserId: "me" })).toEqual({ kind: "link", userId: "me" });
    expect(resolveSsoUser({ emailVerified: false, linkingUserId: "me" })).toEqual({ kind: "link", userId: "me" });
    expect(resolveSsoUser({ identityUserId: "me", emailVerified: true, linkingUserId: "me" })).toEqual({ kind: "known", userId: "me" });
    expect(resolveSsoUser({ identityUserId: "other", emailVerified: true, linkingUserId: "me" })).toEqual({ kind: "refuse", reason: "sso_linked_elsewhere" });
  });
});

describe("ssoEmailVerified", () => {
  it("takes only a literal true email_verified claim", () => {
    expect(ssoEmailVerified("oidc", { email_verified: true })).toBe(true);
    expect(ssoEmailVerified("google", { email_verified: true })).toBe(true);
    expect(ssoEmailVerified("oidc", { email_verified: "true" })).toBe(false);
    expect(ssoEmailVerified("oidc", { email_verified: false })).toBe(false);
    expect(ssoEmailVerified("oidc", {})).toBe(false);
    expect(ssoEmailVerified("oidc", undefined)).toBe(false);
  });

  it("counts Entra ID's domain-owner-verified claim only for Entra ID", () => {
    expect(ssoEmailVerified("azure-ad", { email: "a@b.c" })).toBe(false);
    expect(ssoEmailVerified("azure-ad", { xms_edov: true })).toBe(true);
    expect(ssoEmailVerified("oidc", { xms_edov: true })).toBe(false);
  });
});
