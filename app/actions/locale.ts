"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/lib/auth/access";
import { LOCALES } from "@/lib/i18n/locales";
import { LOCALE_COOKIE } from "@/lib/i18n/server";

export const setLocaleAction = publicAction({ schema: z.enum(LOCALES) }, async (_ctx, locale) => {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  return locale;
});
