/**
 * GET    /api/benchmarks/:id?after=<item id>&limit=100 → { benchmark, items: [{ id, taskId, prompt, solution, tests,
 *        entryPoint }], nextAfter }   (viewer) — items in import order, keyset pages (limit ≤ 500)
 * DELETE /api/benchmarks/:id → { id, name, items, unflaggedSnippets }   (admin) — with its items and matches;
 *        snippets that matched nothing else are no longer flagged
 */
import { deleteBenchmark } from "@/lib/decontam/delete-benchmark";
import { listBenchmarkItems } from "@/lib/decontam/list-benchmark-items";
import { route } from "@/lib/http/route";

export const GET = route({}, async ({ req, params }) => {
  const q = Object.fromEntries(new URL(req.url).searchParams);
  return listBenchmarkItems({ benchmarkId: params.id as string, after: q.after, limit: q.limit });
});

export const DELETE = route({ role: "admin" }, async ({ params }) => deleteBenchmark({ benchmarkId: params.id as string }));
