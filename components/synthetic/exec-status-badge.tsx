import type { SandboxStatus } from "@/lib/sandbox/types";

const STYLE: Record<SandboxStatus, string> = {
  passed: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
  error: "bg-orange-100 text-orange-900",
  timeout: "bg-amber-100 text-amber-900",
  killed: "bg-fuchsia-100 text-fuchsia-900",
};

export function ExecStatusBadge({ status }: { status: SandboxStatus | null }) {
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${status ? STYLE[status] : "bg-slate-100 text-slate-600"}`} data-testid="exec-status" data-status={status ?? "none"}>
      {status ?? "not run"}
    </span>
  );
}
