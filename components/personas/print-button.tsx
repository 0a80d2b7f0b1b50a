"use client";

import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";

export function PrintButton() {
  const { t } = useI18n();
  return (
    <Button variant="secondary" className="no-print" onClick={() => window.print()}>
      {t("personas.print")}
    </Button>
  );
}
