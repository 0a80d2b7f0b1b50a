"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { changePassword, endOwnSession, renameUser, signOutEverywhere } from "@/lib/accounts/account-settings";
import { userAction } from "@/lib/auth/access";
import { ZChangePasswordInput, ZLinkSsoInput, ZRevokeSessionInput, ZUpdateNameInput } from "@/lib/auth/schemas";
import { SSO_LINK_COOKIE, ssoLinkCookieOptions } from "@/lib/auth/sso-link";
import { oauthProviders } from "@/lib/env";
import { AppError } from "@/lib/errors";

const actorOf = (user: { id: string; sessionId: string }) => ({ userId: user.id, sessionId: user.sessionId });

export const updateNameAction = userAction({ schema: ZUpdateNameInput }, async ({ db, user }, input) => renameUser(db, actorOf(user), input));

export const changePasswordAction = userAction({ schema: ZChangePasswordInput }, async ({ db, user }, input) =>
  changePassword(db, actorOf(user), input),
);

export const signOutEverywhereAction = userAction({ schema: z.object({}) }, async ({ db, user }) => signOutEverywhere(db, actorOf(user)));

export const endSessionAction = userAction({ schema: ZRevokeSessionInput }, async ({ db, user }, input) =>
  endOwnSession(db, actorOf(user), { sessionId: input.sessionId }),
);

/** Marks this session as asking to link an SSO identity; the page then starts the provider's sign-in. */
export const startSsoLinkAction = userAction({ schema: ZLinkSsoInput }, async ({ user }, input) => {
  if (!oauthProviders().some((provider) => provider.id === input.provider)) throw new AppError("not_found", "That sign-in service is not set up.");
  (await cookies()).set(SSO_LINK_COOKIE, user.sessionId, ssoLinkCookieOptions());
  return { provider: input.provider };
});
