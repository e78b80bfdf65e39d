import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";
import { databaseUrl } from "@/lib/db/url";

/** What the agreement and classifier panels need of a human-labeled snippet besides its human labels. */
export type SnippetContext = { llmScore: number | null; prob: number | null; judges: { model: string; promptVersion: string; score: number }[] };

type Store = { version: string; byId: Map<number, SnippetContext> };
const stores = new Map<string, Store>();
const CHUNK = 500;

type Int = number | bigint;

/**
 * Newest LLM score, the model's probability and every LLM judge's score of the given snippets. Kept per
 * model in this process for as long as `scoresVersion` (DataVersion.scores) holds, so a new human label
 * only costs the lookups of snippets not seen before: three indexed lookups per snippet are the slow part
 * of the panels (~6k random reads), the human labels themselves are one scan of a small table.
 */
export async function loadSnippetContext(ids: number[], modelId: number | null, scoresVersion: string): Promise<Map<number, SnippetContext>> {
  const key = `${databaseUrl()}\u0000${modelId}`;
  let store = stores.get(key);
  if (!store || store.version !== scoresVersion) {
    store = { version: scoresVersion, byId: new Map() };
    stores.set(key, store);
  }
  const missing = ids.filter((id) => !store.byId.has(id));
  for (let i = 0; i < missing.length; i += CHUNK) {
    const chunk = missing.slice(i, i + CHUNK);
    const [snippets, judges] = await Promise.all([
      db().$queryRaw<{ id: Int; llm: Int | null; prob: number | null }[]>(Prisma.sql`
        SELECT s.id AS id, s."llmScore" AS llm, sc.probability AS prob FROM snippet s
        LEFT JOIN snippet_score sc ON sc."snippetId" = s.id AND sc."modelId" = ${modelId ?? -1}
        WHERE s.id IN (${Prisma.join(chunk)})`),
      db().$queryRaw<{ snippetId: Int; model: string; promptVersion: string; score: Int }[]>(Prisma.sql`
        SELECT l."snippetId" AS "snippetId", l.model AS model, l."promptVersion" AS "promptVersion", l.score AS score
        FROM llm_label l WHERE l."snippetId" IN (${Prisma.join(chunk)})`),
    ]);
    const fresh = new Map<number, SnippetContext>();
    for (const s of snippets) fresh.set(Number(s.id), { llmScore: s.llm === null ? null : Number(s.llm), prob: s.prob, judges: [] });
    for (const j of judges) fresh.get(Number(j.snippetId))?.judges.push({ model: j.model, promptVersion: j.promptVersion, score: Number(j.score) });
    for (const [id, c] of fresh) store.byId.set(id, c);
  }
  return new Map(ids.flatMap((id) => (store.byId.has(id) ? [[id, store.byId.get(id)!] as const] : [])));
}
