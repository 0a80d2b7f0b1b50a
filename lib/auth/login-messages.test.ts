import { describe, expect, it } from "vitest";
import { loginErrorKey } from "./login-messages";

describe("loginErrorKey", () => {
  it("names each SSO refusal and reduces everything else to one generic text, never echoing the URL", () => {
    expect(loginErrorKey("sso_unverified_email")).toBe("account.error_sso_unverified_email");
    expect(loginErrorKey("sso_password_account")).toBe("account.error_sso_password_account");
    expect(loginErrorKey("OAuthCallback")).toBe("account.error_generic");
    expect(loginErrorKey("<script>alert(1)</script>")).toBe("account.error_generic");
    expect(loginErrorKey(undefined)).toBeUndefined();
    expect(loginErrorKey(["sso_no_email"])).toBeUndefined();
  });
});
