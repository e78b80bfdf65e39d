/**
 * POST /api/diversity/reports/:id/cancel → { report: DiversityReportView } (admin). A queued report is cancelled
 * at once; a running one stops at its next page. 400 when already finished; 404 unknown report.
 */
import { cancelDiversityReport } from "@/lib/diversity/cancel-diversity-report";
import { route } from "@/lib/http/route";
import { ZId } from "@/lib/labels/route-params";

export const POST = route({ role: "admin" }, async ({ params }) => ({ report: await cancelDiversityReport(ZId.parse(params.id)) }));
