"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { authClient } from "./auth-client";
import { useCurrentUser } from "./user-context";

const LINKS = [
  { href: "/datasets", label: "Datasets" },
  { href: "/snippets", label: "Snippets" },
  { href: "/review", label: "Spot-check" },
  { href: "/imports", label: "Imports" },
  { href: "/campaigns", label: "LLM labels" },
  { href: "/models", label: "Models" },
  { href: "/quality", label: "Quality" },
  { href: "/synthetic", label: "Synthetic" },
  { href: "/diversity", label: "Diversity" },
  { href: "/decontam", label: "Decontam" },
  { href: "/exports", label: "Exports" },
  { href: "/jobs", label: "Jobs" },
  { href: "/prompts", label: "Prompts" },
];

const ADMIN_LINKS = [
  { href: "/settings", label: "Settings" },
  { href: "/admin/users", label: "Users" },
];

export function Nav() {
  const user = useCurrentUser();
  const pathname = usePathname();
  const router = useRouter();
  const adminLinks = user.role === "admin" ? ADMIN_LINKS : [];
  const isActive = (href: string) => pathname === href || (pathname.startsWith(href + "/") && !(href === "/settings" && pathname.startsWith("/settings/tokens")));
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-12 max-w-screen-2xl items-center gap-4 px-4">
        <Link href="/datasets" className="font-semibold tracking-tight text-slate-900">
          Syllabus
        </Link>
        <nav className="flex gap-0.5 whitespace-nowrap text-sm" aria-label="Main">
          {[...LINKS, ...adminLinks].map((l) => (
            <Link
              key={l.href}
              href={l.href}
              aria-current={isActive(l.href) ? "page" : undefined}
              className={`rounded px-2 py-1 ${isActive(l.href) ? "bg-slate-100 font-medium text-slate-900" : "text-slate-600 hover:text-slate-900"} ${ADMIN_LINKS.includes(l) ? "text-slate-500" : ""}`}
            >
              {l.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 whitespace-nowrap text-sm">
          <Link href="/settings/tokens" className="text-slate-600 hover:text-slate-900" data-testid="current-user">
            {user.email} <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{user.role}</span>
          </Link>
          <button
            className="text-slate-500 hover:text-slate-900"
            onClick={async () => {
              await authClient.signOut();
              router.replace("/login");
              router.refresh();
            }}
          >
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
