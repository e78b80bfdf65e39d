import crypto from "node:crypto";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { Role } from "@/lib/auth/roles";
import { createUser } from "@/lib/auth/users";
import { insertSnippetBatch, type SnippetInput } from "@/lib/db/bulk";
import { db } from "@/lib/db/client";

export const ORIGIN = "http://localhost:3000";
export const params = (p: Record<string, string> = {}) => ({ params: Promise.resolve(p) });

let seq = 0;

/** A user with an API token. The first user of a database becomes admin whatever `role` says. */
export async function makeUser(role: Role = "annotator") {
  const n = ++seq;
  const user = await createUser({ email: `u${n}-${crypto.randomBytes(3).toString("hex")}@test.local`, name: `User ${n}`, password: "password123", role });
  const { token } = await createApiToken(user.id, "test");
  return { id: user.id, name: user.name, role: user.role, token, auth: { authorization: `Bearer ${token}` } };
}

/**
 * A dataset with `scores.length` snippets; snippet i gets LLM score scores[i] (null: no LLM label).
 * Returns the snippet ids in insertion order.
 */
export async function makeDataset(scores: (number | null)[], opts: { labelsPerSnippet?: number; language?: string } = {}) {
  const ds = await db().dataset.create({ data: { name: `ds-${++seq}-${crypto.randomBytes(3).toString("hex")}`, labelsPerSnippet: opts.labelsPerSnippet ?? 1 } });
  const rows: SnippetInput[] = scores.map((score, i) => {
    const content = `def f_${ds.id}_${i}(x):\n    return x + ${i}\n`;
    return {
      contentHash: crypto.createHash("sha256").update(content).digest("hex"),
      content,
      language: opts.language ?? "python",
      source: `org/repo${i % 3}`,
      path: `src/f_${i}.py`,
      license: "MIT",
      externalId: `ext-${i}`,
      sizeBytes: Buffer.byteLength(content),
      lineCount: 2,
      meta: null,
      llm: score === null ? null : { score, rationale: `rationale ${i}`, model: "test-llm", promptVersion: "v1" },
    };
  });
  for (let i = 0; i < rows.length; i += 500) await insertSnippetBatch(ds.id, rows.slice(i, i + 500));
  const snippets = await db().snippet.findMany({ where: { datasetId: ds.id }, orderBy: { id: "asc" }, select: { id: true } });
  return { datasetId: ds.id, ids: snippets.map((s) => s.id) };
}

export async function reviewCounts(ids: number[]): Promise<Map<number, number>> {
  const rows = await db().snippet.findMany({ where: { id: { in: ids } }, select: { id: true, reviewCount: true } });
  return new Map(rows.map((r) => [r.id, r.reviewCount]));
}

/** What reviewCount must be: distinct users with a 'labeled' row. */
export async function trueCounts(ids: number[]): Promise<Map<number, number>> {
  const groups = await db().humanLabel.groupBy({ by: ["snippetId"], where: { snippetId: { in: ids }, status: "labeled" }, _count: { _all: true } });
  const m = new Map(ids.map((id) => [id, 0]));
  for (const g of groups) m.set(g.snippetId, g._count._all);
  return m;
}
