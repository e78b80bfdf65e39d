import { db } from "@/lib/db/client";
import { decodeVector } from "./vector-bytes";

const CHUNK = 1_000;

/** Cached vectors of `model` for these snippets; snippets without one are absent from the map. */
export async function loadEmbeddings({ snippetIds, model }: { snippetIds: readonly number[]; model: string }): Promise<Map<number, Float32Array>> {
  const out = new Map<number, Float32Array>();
  for (let k = 0; k < snippetIds.length; k += CHUNK) {
    const rows = await db().snippetEmbedding.findMany({
      where: { model, snippetId: { in: snippetIds.slice(k, k + CHUNK) as number[] } },
      select: { snippetId: true, vector: true },
    });
    for (const r of rows) out.set(r.snippetId, decodeVector(r.vector));
  }
  return out;
}
