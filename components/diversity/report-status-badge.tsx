import type { DiversityReportStatus } from "@/lib/diversity/types";
import { StatusBadge } from "../ui/status-badge";

export function ReportStatusBadge({ status }: { status: DiversityReportStatus }) {
  return <StatusBadge status={status} testId="diversity-report-status" />;
}
