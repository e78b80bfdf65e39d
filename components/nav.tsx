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

export function Nav() {
  const user = useCurrentUser();
  const pathname = usePathname();
  const router = useRouter();
  const links = user.role === "admin" ? [...LINKS, { href: "/settings", label: "Settings" }, { href: "/admin/users", label: "Users" }] : LINKS;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-12 max-w-7xl items-center gap-6 px-4">
        <Link href="/datasets" className="font-semibold tracking-tight text-slate-900">
          Syllabus
        </Link>
        <nav className="flex gap-1 text-sm" aria-label="Main">
          {links.map((l) => {
            const active = pathname === l.href || pathname.startsWith(l.href + "/");
            return (
              <Link key={l.href} href={l.href} aria-current={active ? "page" : undefined} className={`rounded px-2.5 py-1 ${active ? "bg-slate-100 font-medium text-slate-900" : "text-slate-600 hover:text-slate-900"}`}>
                {l.label}
              </Link>
            );
          })}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
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
