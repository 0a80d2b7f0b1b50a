import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";
import { SignOutButton } from "./sign-out-button";

/** The signed-in user's corner of the header: their account page and sign-out. */
export async function UserMenu() {
  const { t } = await getTranslator();
  return (
    <div className="flex items-center gap-4">
      <Link href="/account" className="text-sm text-slate-600 hover:text-slate-900">
        {t("account.nav")}
      </Link>
      <SignOutButton />
    </div>
  );
}
