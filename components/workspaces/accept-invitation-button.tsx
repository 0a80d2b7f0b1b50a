"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { acceptInvitationAction } from "@/app/actions/workspaces";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { actionErrorText } from "@/lib/rate-limit/format-wait";

export function AcceptInvitationButton({ token }: { token: string }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await acceptInvitationAction({ token });
            if (result.ok) router.push(`/w/${result.data.slug}`);
            else setError(actionErrorText(result, t, locale));
          })
        }
      >
        {t("workspace.join")}
      </Button>
    </div>
  );
}
