"use server";

import { publicAction } from "@/lib/auth/access";
import { ZUnsubscribeInput } from "@/lib/distribution/schemas";
import { unsubscribeContact } from "@/lib/distribution/unsubscribe";

/** The confirm button of an e-mail's unsubscribe link; the signed token names the contact. */
export const unsubscribeAction = publicAction({ schema: ZUnsubscribeInput }, async (ctx, input) =>
  unsubscribeContact(ctx.db, { token: input.token }),
);
