import type { ExportStatus } from "@/lib/export/types";
import { StatusBadge } from "../ui/status-badge";

export function ExportStatusBadge({ status }: { status: ExportStatus }) {
  return <StatusBadge status={status} testId="export-status" />;
}
