import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GoogleProvider from "next-auth/providers/google";
import AzureADProvider from "next-auth/providers/azure-ad";
import type { Provider } from "next-auth/providers/index";
import { cookies, headers } from "next/headers";
import { getDb } from "@/db/client";
import { authorizeCredentials } from "@/lib/accounts/sign-in";
import { appUrl, authSecret, oauthProviders, sessionMaxMs } from "@/lib/env";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { ssoEmailVerified } from "./resolve-sso-user";
import { currentUser } from "./session";
import { useSecureCookies } from "./session-cookie";
import { SSO_LINK_COOKIE } from "./sso-link";
import { signInWithSso } from "./sso-sign-in";
import { endUserSession, resolveSessionUser, sessionClaims, startUserSession } from "./user-sessions";

function ssoProviders(): Provider[] {
  return oauthProviders().map((config): Provider => {
    switch (config.id) {
      case "google":
        return GoogleProvider({ clientId: config.clientId, clientSecret: config.clientSecret });
      case "azure-ad":
        return AzureADProvider({ clientId: config.clientId, clientSecret: config.clientSecret, tenantId: config.tenantId });
      case "oidc":
        return {
          id: "oidc",
          name: config.name,
          type: "oauth",
          wellKnown: `${config.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
          clientId: config.clientId,
          clientSecret: config.clientSecret,
          authorization: { params: { scope: "openid email profile" } },
          idToken: true,
          checks: ["pkce", "state"],
          profile: (profile: { sub: string; email?: string; name?: string }) => ({
            id: profile.sub,
            email: profile.email,
            name: profile.name ?? profile.email,
          }),
        };
    }
  });
}

/** Thrown by the session callback for an ended session: next-auth then answers `{}` and clears the cookie. */
class SessionEndedError extends Error {
  constructor() {
    super("The session has ended.");
    this.name = "SessionEndedError";
  }
}

/** The signed-in user who asked, from the account page, to link an SSO identity (see sso-link.ts). */
async function linkingUserId(): Promise<string | undefined> {
  const jar = await cookies();
  const intent = jar.get(SSO_LINK_COOKIE)?.value;
  if (!intent) return undefined;
  try {
    jar.delete(SSO_LINK_COOKIE);
  } catch {
    // Expires on its own within minutes.
  }
  const user = await currentUser();
  return user && user.sessionId === intent ? user.id : undefined;
}

async function requestUserAgent(): Promise<string | null> {
  try {
    return (await headers()).get("user-agent");
  } catch {
    return null;
  }
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    // The JWT holds only a session row's id and the user id; the row decides whether it still counts.
    // The cookie lives as long as the longest session may (SESSION_MAX_DAYS); idle expiry is the row's.
    session: { strategy: "jwt", maxAge: Math.round(sessionMaxMs() / 1000) },
    useSecureCookies: useSecureCookies(),
    // Refused and failed sign-ins land on the login page, which explains the `error` code.
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "E-mail and password",
        credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: async (credentials, request) => (await authorizeCredentials(getDb(), credentials, { headers: request?.headers })) ?? null,
      }),
      ...ssoProviders(),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.type === "credentials") return true;
        const linking = await linkingUserId();
        const result = await signInWithSso(getDb(), {
          provider: account.provider,
          subject: account.providerAccountId,
          email: user.email,
          emailVerified: ssoEmailVerified(account.provider, profile as Record<string, unknown> | undefined),
          name: user.name,
          linkingUserId: linking,
        });
        if (linking) {
          // Linking keeps the session that asked: no new sign-in, back to the account page.
          return `${appUrl()}/account?${result.ok ? `linked=${encodeURIComponent(account.provider)}` : `error=${result.reason}`}`;
        }
        if (!result.ok) return `${appUrl()}/login?error=${result.reason}`;
        // next-auth hands this same object to the jwt callback: from here on it carries the Needscape user id.
        user.id = result.userId;
        return true;
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const session = await startUserSession(getDb(), {
            userId: user.id,
            method: account.type === "credentials" ? "credentials" : account.provider,
            userAgent: await requestUserAgent(),
          });
          // Nothing else goes into the cookie: name and e-mail are read from the database per request.
          return { sid: session.id, userId: user.id };
        }
        return token;
      },
      // Only paths on this app: next-auth's default lets "/\evil.example" through as a path.
      async redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackUrl(url, "/workspaces", baseUrl)}`;
      },
      async session({ session, token }) {
        const claims = sessionClaims(token);
        const user = claims ? await resolveSessionUser(getDb(), claims) : undefined;
        if (!user) throw new SessionEndedError();
        return { ...session, user: { id: user.id, name: user.name, email: user.email } };
      },
    },
    events: {
      async signOut({ token }) {
        const claims = sessionClaims(token);
        if (claims) await endUserSession(getDb(), { sessionId: claims.sessionId });
      },
    },
    logger: {
      error(code, metadata) {
        // An ended session is an expected answer ("no user"), not an error worth a stack trace.
        const cause = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
        if (code === "JWT_SESSION_ERROR" && cause instanceof SessionEndedError) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
      warn(code) {
        console.warn(`[next-auth][warn][${code}]`);
      },
      debug() {},
    },
  };
}
