/** GET /api/synthetic/datasets → { datasets: SyntheticDatasetView[] } (viewer): textbook/exercise datasets with items by kind and review status */
import { listSyntheticDatasets } from "@/lib/synthetic/list-synthetic-datasets";
import { route } from "@/lib/http/route";

export const GET = route({}, async () => ({ datasets: await listSyntheticDatasets() }));
