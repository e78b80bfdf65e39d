/** GET /api/synthetic/review → { datasets: ReviewDatasetSummary[] } (viewer): datasets with synthetic items, review counts, campaigns. */
import { route } from "@/lib/http/route";
import { listReviewDatasets } from "@/lib/synthetic/review/list-review-datasets";

export const GET = route({}, async () => ({ datasets: await listReviewDatasets() }));
