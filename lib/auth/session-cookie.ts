import { appUrl } from "@/lib/env";

/** next-auth's session cookie, named the way next-auth names it, so currentUser() reads the same cookie it sets. */
export function useSecureCookies(): boolean {
  return appUrl().startsWith("https://");
}

export function sessionCookieName(): string {
  return `${useSecureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}
