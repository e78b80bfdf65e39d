import Link from "next/link";

/** Query parameters of the snippet table (GET /api/snippets names); undefined and "" are left out. */
export type DrillFilters = Partial<Record<
  "dataset" | "language" | "llmScore" | "minScore" | "minProb" | "maxProb" | "modelId" | "auditId" | "side" | "minHumanScore" | "maxHumanScore" | "source" | "reviewer" | "reviewed",
  string | number | undefined
>>;

export function drillHref(f: DrillFilters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== "") q.set(k, String(v));
  return `/snippets?${q.toString()}`;
}

/**
 * A number that stands for a set of snippets, linked to the snippet table filtered to exactly that set
 * (the table's filter chips show and remove the drill-down filters).
 */
export function DrillLink({ name, filters, title, children, className = "" }: { name: string; filters: DrillFilters; title?: string; children: React.ReactNode; className?: string }) {
  return (
    <Link
      href={drillHref(filters)}
      data-testid={`drill-${name}`}
      title={title ?? "Open these snippets in the table"}
      className={`underline decoration-slate-300 decoration-dotted underline-offset-2 hover:text-indigo-700 hover:decoration-indigo-400 ${className}`}
    >
      {children}
    </Link>
  );
}
