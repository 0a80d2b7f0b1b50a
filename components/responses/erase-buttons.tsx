"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { eraseCustomerAction, eraseResponseAction } from "@/app/(app)/w/[workspace]/studies/[studyId]/survey/[surveyId]/responses/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";

type Props = { workspaceSlug: string; surveyId: string; responseId: string; customerId: string | null };

/** Erasure on request: one response, or every response of its customer id; asks first. */
export function EraseButtons({ workspaceSlug, surveyId, responseId, customerId }: Props) {
  const { t } = useI18n();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();

  async function run(kind: "response" | "customer") {
    const question = kind === "response" ? t("responses.eraseConfirm") : t("responses.eraseCustomerConfirm", { customerId: customerId ?? "" });
    if (!window.confirm(question)) return;
    setBusy(true);
    const result =
      kind === "response"
        ? await eraseResponseAction(workspaceSlug, { surveyId, responseId })
        : await eraseCustomerAction(workspaceSlug, { customerId });
    setBusy(false);
    if (!result.ok) return setMessage(result.error || t("responses.eraseFailed"));
    setMessage(t("responses.erased", { count: result.data.erasedResponses }));
    router.refresh();
  }

  return (
    <div className="flex flex-wrap justify-end gap-1 whitespace-nowrap">
      <Button variant="ghost" disabled={busy} onClick={() => run("response")} aria-label={`${t("responses.erase")} ${customerId ?? responseId.slice(0, 8)}`}>
        {t("responses.erase")}
      </Button>
      {customerId && (
        <Button variant="ghost" disabled={busy} onClick={() => run("customer")} aria-label={`${t("responses.eraseCustomer")} ${customerId}`}>
          {t("responses.eraseCustomer")}
        </Button>
      )}
      {message && (
        <p role="status" className="w-full whitespace-normal text-right text-xs text-slate-600">
          {message}
        </p>
      )}
    </div>
  );
}
