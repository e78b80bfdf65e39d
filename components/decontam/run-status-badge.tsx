import type { DecontamRunStatus } from "@/lib/decontam/types";
import { StatusBadge } from "../ui/status-badge";

export function RunStatusBadge({ status }: { status: DecontamRunStatus }) {
  return <StatusBadge status={status} testId="decontam-run-status" />;
}
