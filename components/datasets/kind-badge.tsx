const KIND: Record<string, string> = {
  code: "bg-indigo-50 text-indigo-700 ring-indigo-200",
  textbook: "bg-sky-50 text-sky-700 ring-sky-200",
  exercise: "bg-violet-50 text-violet-700 ring-violet-200",
};

export function KindBadge({ kind }: { kind: string }) {
  return <span className={`rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset ${KIND[kind] ?? "bg-slate-50 text-slate-600 ring-slate-200"}`}>{kind}</span>;
}
