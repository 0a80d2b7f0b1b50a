import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getTranslator();
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">{t("shell.notFoundTitle")}</h1>
      <p className="mt-3 text-slate-600">{t("shell.notFoundText")}</p>
      <Link href="/workspaces" className="mt-6 inline-block font-medium text-indigo-700 underline">
        {t("shell.backHome")}
      </Link>
    </main>
  );
}
