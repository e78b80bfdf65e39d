import crypto from "node:crypto";
import { Prisma } from "@syllabus/prisma-sqlite";
import { z } from "zod";
import { randomRankSql } from "@/lib/campaigns/selection-sql";
import { db } from "@/lib/db/client";
import { badRequest, notFound } from "@/lib/http/errors";
import { seededRandom } from "@/lib/metrics/seeded-random";
import { getAudit } from "./get-audit";
import type { AuditView } from "./types";

/** Where P(high) splits kept from rejected for a model without a cut of its own (training always sets one). */
const FALLBACK_CUT = 0.5;
export const MAX_AUDIT_SIDE = 10_000;

export const ZCreateAudit = z
  .object({
    modelId: z.coerce.number().int().positive(),
    /** Omitted: every dataset the model scored. */
    datasetId: z.coerce.number().int().positive().nullish(),
    keptSize: z.coerce.number().int().min(0).max(MAX_AUDIT_SIDE).default(400),
    rejectedSize: z.coerce.number().int().min(0).max(MAX_AUDIT_SIDE).default(400),
    /** Same seed, same model scores → the same sample. Omitted: a random one (stored with the audit). */
    seed: z.coerce.number().int().min(0).max(2 ** 31).optional(),
    name: z.string().trim().max(200).default(""),
    /** Human score counted as truly high; default the model's training threshold. */
    threshold: z.coerce.number().int().min(1).max(5).optional(),
  })
  .refine((v) => v.keptSize + v.rejectedSize > 0, { message: "sample at least one side", path: ["keptSize"] });
export type TCreateAudit = z.input<typeof ZCreateAudit>;

type Int = number | bigint;

/**
 * Draws an audit of a classifier model: a uniform random sample of the snippets it keeps (its own
 * probability in snippet_score ≥ its cut — not classifierProb, which follows whichever model is active)
 * and one of those it rejects, with the sizes and bytes of both sets. Uniform and reproducible: each side
 * takes the lowest `size` ranks of a seeded integer hash of the snippet id (identical on SQLite and
 * PostgreSQL), so every snippet of a side is equally likely to be drawn whatever its id or probability.
 * The two samples are then shuffled together (seeded) into one serving order, so annotators cannot tell
 * the sides apart and any prefix of the order is still a uniform sample of each side.
 */
export async function createAudit(input: TCreateAudit, userId: string | null): Promise<AuditView> {
  const v = ZCreateAudit.parse(input);
  const model = await db().classifierModel.findUnique({ where: { id: v.modelId }, select: { id: true, status: true, cut: true, threshold: true } });
  if (!model) throw notFound(`model ${v.modelId} not found`);
  if (model.status !== "ready") throw badRequest(`model ${v.modelId} is ${model.status}; only a ready model can be audited`);
  if (v.datasetId && !(await db().dataset.findUnique({ where: { id: v.datasetId }, select: { id: true } }))) throw notFound(`dataset ${v.datasetId} not found`);
  const cut = model.cut ?? FALLBACK_CUT;
  const seed = v.seed ?? crypto.randomInt(2 ** 31);

  const population = await db().$queryRaw<{ side: string; n: Int; bytes: Int | string | null }[]>(Prisma.sql`
    SELECT CASE WHEN sc.probability >= ${cut} THEN 'kept' ELSE 'rejected' END AS side, COUNT(*) AS n, SUM(s."sizeBytes") AS bytes
    FROM snippet_score sc JOIN snippet s ON s.id = sc."snippetId"
    WHERE sc."modelId" = ${model.id} ${v.datasetId ? Prisma.sql`AND s."datasetId" = ${v.datasetId}` : Prisma.empty}
    GROUP BY 1`);

  // The samples need the snippet row only for the dataset filter; otherwise snippet_score alone (its (modelId, snippetId) index) suffices.
  const from = v.datasetId
    ? Prisma.sql`snippet_score sc JOIN snippet s ON s.id = sc."snippetId" WHERE sc."modelId" = ${model.id} AND s."datasetId" = ${v.datasetId}`
    : Prisma.sql`snippet_score sc WHERE sc."modelId" = ${model.id}`;
  const pop = (side: string) => population.find((p) => p.side === side);
  const count = (side: string) => Number(pop(side)?.n ?? 0);
  if (count("kept") + count("rejected") === 0) throw badRequest(`model ${v.modelId} has no scores${v.datasetId ? ` in dataset ${v.datasetId}` : ""}; score the snippets first`);

  const sample = async (kept: boolean, size: number) => {
    if (size === 0) return [];
    const rows = await db().$queryRaw<{ id: Int }[]>(Prisma.sql`
      SELECT sc."snippetId" AS id FROM ${from} AND sc.probability ${Prisma.raw(kept ? ">=" : "<")} ${cut}
      ORDER BY ${randomRankSql(Prisma.sql`sc."snippetId"`, seed)}, sc."snippetId" LIMIT ${size}`);
    return rows.map((r) => Number(r.id));
  };
  const [kept, rejected] = [await sample(true, v.keptSize), await sample(false, v.rejectedSize)];
  const order = [...kept.map((id) => ({ id, side: "kept" })), ...rejected.map((id) => ({ id, side: "rejected" }))];
  const rnd = seededRandom(seed, 1);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rnd.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }

  const auditId = await db().$transaction(
    async (tx) => {
      const audit = await tx.audit.create({
        data: {
          datasetId: v.datasetId ?? null,
          modelId: model.id,
          cut,
          threshold: v.threshold ?? model.threshold,
          name: v.name,
          seed,
          keptTarget: v.keptSize,
          rejectedTarget: v.rejectedSize,
          keptCount: count("kept"),
          rejectedCount: count("rejected"),
          keptBytes: BigInt(String(pop("kept")?.bytes ?? 0)),
          rejectedBytes: BigInt(String(pop("rejected")?.bytes ?? 0)),
          createdById: userId,
        },
        select: { id: true },
      });
      for (let i = 0; i < order.length; i += 2000) {
        await tx.auditItem.createMany({ data: order.slice(i, i + 2000).map((o, k) => ({ auditId: audit.id, side: o.side, snippetId: o.id, position: i + k })) });
      }
      return audit.id;
    },
    { maxWait: 15_000, timeout: 60_000 },
  );
  return getAudit(auditId);
}
