import { useSecureCookies } from "./session-cookie";

/**
 * Linking an SSO identity from the account page: the page sets this short-lived cookie to the id of
 * the session that asked, then starts an ordinary SSO sign-in. When the provider sends the browser back,
 * the sign-in links the identity to that session's user only if the cookie still names the live session.
 */
export const SSO_LINK_COOKIE = "needscape.sso-link";

export function ssoLinkCookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, secure: useSecureCookies(), path: "/", maxAge: 600 };
}
