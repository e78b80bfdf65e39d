/**
 * GET /api/diversity/reports/:id → { report: DiversityReportView }: parameters, status with the job's progress,
 * and once succeeded every metric (lib/diversity/types.ts DiversityMetrics). 404 unknown report. (any signed-in user)
 */
import { getDiversityReport } from "@/lib/diversity/get-diversity-report";
import { route } from "@/lib/http/route";
import { ZId } from "@/lib/labels/route-params";

export const GET = route({}, async ({ params }) => ({ report: await getDiversityReport(ZId.parse(params.id)) }));
