"use client";

import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useI18n();
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">{t("shell.errorTitle")}</h1>
      <p className="mt-3 text-slate-600">{t("shell.errorText")}</p>
      <Button className="mt-6" onClick={reset}>
        {t("shell.tryAgain")}
      </Button>
    </main>
  );
}
