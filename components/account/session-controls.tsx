"use client";

import { signIn, signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { endSessionAction, signOutEverywhereAction, startSsoLinkAction } from "@/app/actions/account";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";

/** Signs out one of the user's other sessions from the list. */
export function EndSessionButton({ sessionId, label }: { sessionId: string; label: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      aria-label={label}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await endSessionAction({ sessionId });
          router.refresh();
        })
      }
    >
      {t("account.signOutSession")}
    </Button>
  );
}

/** Ends every session of the user (this one too), then clears this browser's cookie and goes to sign-in. */
export function SignOutEverywhereButton() {
  const { t } = useI18n();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <div className="space-y-2">
      <FormError message={error} />
      <Button
        variant="danger"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await signOutEverywhereAction({});
            if (!result.ok) return setError(result.error);
            await signOut({ callbackUrl: "/login" });
          })
        }
      >
        {t("account.everywhere")}
      </Button>
    </div>
  );
}

/** Starts an SSO sign-in that links the identity to this account instead of signing in anew. */
export function LinkSsoButton({ provider, name }: { provider: string; name: string }) {
  const { t } = useI18n();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <div className="space-y-2">
      <FormError message={error} />
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await startSsoLinkAction({ provider });
            if (!result.ok) return setError(result.error);
            await signIn(provider, { callbackUrl: "/account" });
          })
        }
      >
        {t("account.linkProvider", { provider: name })}
      </Button>
    </div>
  );
}
