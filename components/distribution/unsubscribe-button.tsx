"use client";

import { useState, useTransition } from "react";
import { unsubscribeAction } from "@/app/(public)/s/unsubscribe/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";

type Labels = { button: string; doneTitle: string; doneText: string; invalid: string };

/** Labels come from the server in the contact's language (this page has no app language of its own). */
export function UnsubscribeButton({ token, labels }: { token: string; labels: Labels }) {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<"ask" | "done" | "failed">("ask");
  if (state === "done") {
    return (
      <div role="status" className="mt-4">
        <p className="text-lg font-semibold text-slate-900">{labels.doneTitle}</p>
        <p className="mt-1 text-slate-700">{labels.doneText}</p>
      </div>
    );
  }
  return (
    <div className="mt-4 space-y-3">
      {state === "failed" && <FormError message={labels.invalid} />}
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await unsubscribeAction({ token }).catch(() => undefined);
            setState(result?.ok ? "done" : "failed");
          })
        }
      >
        {labels.button}
      </Button>
    </div>
  );
}
