import { describe, expect, it } from "vitest";
import { ZChangePasswordInput, ZResetPasswordInput, ZSignInInput, ZSignUpInput } from "./schemas";

const signUp = (password: string) => ZSignUpInput.safeParse({ name: "Aino", email: "aino@example.com", password });
const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message) ?? [];

describe("password schemas", () => {
  it("refuse passwords longer than bcrypt's 72 bytes, counted in UTF-8 bytes", () => {
    const seventyTwo = `a1${"b".repeat(70)}`;
    expect(signUp(seventyTwo).success).toBe(true);
    expect(messagesOf(signUp(`${seventyTwo}c`))).toContain("Use at most 72 bytes (letters like ä count twice)");
    // "a1" and 35 × "ä" are 72 bytes in 37 characters; one more "ä" passes the limit.
    expect(signUp(`a1${"ä".repeat(35)}`).success).toBe(true);
    expect(signUp(`a1${"ä".repeat(36)}`).success).toBe(false);
    expect(signUp(`1${"😀".repeat(18)}a`).success).toBe(false);
  });

  it("apply the same limit to password changes and resets", () => {
    const long = `a1${"b".repeat(71)}`;
    expect(ZChangePasswordInput.safeParse({ currentPassword: "old-password-1", newPassword: long }).success).toBe(false);
    expect(ZResetPasswordInput.safeParse({ token: "t".repeat(43), password: long }).success).toBe(false);
    expect(ZResetPasswordInput.safeParse({ token: "t".repeat(43), password: long.slice(0, 72) }).success).toBe(true);
  });

  it("refuse a 73-byte password at sign-in too, so it cannot match a stored one on its first 72 bytes", () => {
    expect(ZSignInInput.safeParse({ email: "aino@example.com", password: "x".repeat(72) }).success).toBe(true);
    expect(messagesOf(ZSignInInput.safeParse({ email: "aino@example.com", password: "x".repeat(73) }))).toEqual([
      "Passwords are at most 72 bytes; reset yours if it is longer",
    ]);
  });

  it("want a new password that differs from the current one", () => {
    expect(messagesOf(ZChangePasswordInput.safeParse({ currentPassword: "same-password-1", newPassword: "same-password-1" }))).toEqual([
      "Choose a password different from the current one",
    ]);
  });
});
