import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { getTranslator } from "@/lib/i18n/server";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const { t } = await getTranslator();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-between">
          <p className="text-2xl font-bold text-indigo-800">{t("shell.appName")}</p>
          <LanguageSwitcher />
        </div>
        <p className="mb-6 text-sm text-slate-600">{t("shell.tagline")}</p>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
      </div>
    </main>
  );
}
