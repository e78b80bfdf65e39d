/**
 * GET /api/datasets — every dataset with its statistics (role: viewer).
 *
 * Response 200:
 *   { datasets: [{ id, name, kind, description, labelsPerSnippet, threshold, snippetCount, createdAt, updatedAt,
 *       stats: { llmLabeled, reviewed, reviewedPct, humanLabels,
 *                languages: [{ language, count }]            // top 8 by count, then { language: "other" } if more
 *                llmScores: [{ score: 0..5 | null, count }]  // 7 rows, null = unlabeled
 *                humanScores: [{ score: 0..5, count }]       // 6 rows, per human label
 *                computedAt } }] }
 * Statistics may be up to 30 s old (per-process cache, refreshed at once when snippets or labels change).
 */
import { listDatasets } from "@/lib/datasets/list-datasets";
import { route } from "@/lib/http/route";

export const GET = route({}, async () => ({ datasets: await listDatasets() }));
