import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GoogleProvider from "next-auth/providers/google";
import AzureADProvider from "next-auth/providers/azure-ad";
import type { Provider } from "next-auth/providers/index";
import { getDb } from "@/db/client";
import { upsertOAuthUser } from "@/db/queries/users";
import { verifyCredentials } from "@/lib/accounts/sign-in";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { authSecret, oauthProviders } from "@/lib/env";

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

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    // JWT sessions: the credentials provider needs them, and they keep app servers stateless.
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "E-mail and password",
        credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: async (credentials) => (await verifyCredentials(getDb(), credentials)) ?? null,
      }),
      ...ssoProviders(),
    ],
    callbacks: {
      async signIn({ user, account }) {
        if (account?.type === "credentials") return true;
        // SSO users must come with an e-mail; they get a Needscape user on first sign-in.
        return Boolean(user.email);
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          if (account.type === "credentials") {
            token.userId = user.id;
          } else {
            const email = user.email!.trim().toLowerCase();
            const dbUser = await upsertOAuthUser(getDb(), { email, name: user.name ?? email });
            token.userId = dbUser.id;
            token.name = dbUser.name;
            token.email = dbUser.email;
          }
        }
        return token;
      },
      // Only paths on this app: next-auth's default lets "/\evil.example" through as a path.
      async redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackUrl(url, "/workspaces", baseUrl)}`;
      },
      async session({ session, token }) {
        if (session.user && typeof token.userId === "string") session.user.id = token.userId;
        return session;
      },
    },
  };
}
