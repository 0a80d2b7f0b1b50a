"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A navigation link that marks itself as the current page for sighted and screen-reader users. */
export function NavLink({ href, children, exact = false }: { href: string; children: React.ReactNode; exact?: boolean }) {
  const pathname = usePathname();
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`whitespace-nowrap border-b-2 px-1 py-2 text-sm font-medium ${
        active ? "border-indigo-700 text-indigo-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
      }`}
    >
      {children}
    </Link>
  );
}
