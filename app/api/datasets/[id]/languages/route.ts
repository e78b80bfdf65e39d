/**
 * GET /api/datasets/:id/languages — every language of the dataset with its snippet count, largest first
 * (role: viewer). Options for the snippet table's language filter.
 *   200 { languages: [{ language, count }] } · 404 { error }
 */
import { listDatasetLanguages } from "@/lib/datasets/list-dataset-languages";
import { route } from "@/lib/http/route";

export const GET = route({}, async ({ params }) => ({ languages: await listDatasetLanguages({ datasetId: String(params.id) }) }));
