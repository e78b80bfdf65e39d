import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import type { SyntheticKind } from "./compose-content";
import { gridCells } from "./plan-generation";
import { parseList } from "./to-generation-campaign-view";
import type { GridCell, GridCoverage } from "./types";

export const ZGridCoverage = z.object({ campaignId: z.coerce.number().int().positive() });

/**
 * The campaign's constraint grid (kind × topic × audience) with how many items each cell was planned,
 * generated and failed. The declared lists give the cells, so cells the plan never used show as 0; an
 * import campaign (no plan) counts its synthetic items by the constraints they carry.
 */
export async function getGridCoverage(input: z.input<typeof ZGridCoverage>): Promise<GridCoverage> {
  const { campaignId } = ZGridCoverage.parse(input);
  const c = await db().generationCampaign.findUnique({ where: { id: campaignId } });
  if (!c) throw notFound(`no generation campaign with id ${campaignId}`);
  const key = (kind: string, topic: string, audience: string | null) => `${kind}\u0000${topic}\u0000${audience ?? ""}`;
  const cells = new Map<string, GridCell>();
  const cell = (kind: SyntheticKind, topic: string, audience: string | null) => {
    const k = key(kind, topic, audience);
    let found = cells.get(k);
    if (!found) cells.set(k, (found = { kind, topic, audience, planned: 0, generated: 0, failed: 0 }));
    return found;
  };
  const kinds: SyntheticKind[] = c.kind === "mixed" ? ["textbook", "exercise"] : c.kind === "exercise" ? ["exercise"] : ["textbook"];
  if (c.source === "llm") {
    for (const kind of kinds) for (const g of gridCells(parseList(c.topics), parseList(c.audiences))) cell(kind, g.topic, g.audience);
    const grouped = await db().generationItem.groupBy({ by: ["kind", "topic", "audience", "status"], where: { campaignId }, _count: { _all: true } });
    for (const g of grouped) {
      const x = cell(g.kind as SyntheticKind, g.topic, g.audience);
      x.planned += g._count._all;
      if (g.status === "generated") x.generated += g._count._all;
      if (g.status === "failed") x.failed += g._count._all;
    }
  }
  // Imported items (an import campaign's, or extra ones imported into an LLM campaign).
  const imported = await db().syntheticItem.groupBy({ by: ["kind", "topic", "audience"], where: { campaignId, snippet: { importId: { not: null } } }, _count: { _all: true } });
  for (const g of imported) {
    const x = cell(g.kind as SyntheticKind, g.topic ?? "(no topic)", g.audience);
    x.planned += g._count._all;
    x.generated += g._count._all;
  }
  // The campaign's own order of topics and audiences (as the form listed them); values it never declared after them.
  const rank = (list: string[]) => {
    const at = new Map(list.map((v, i) => [v, i]));
    return (v: string | null) => at.get(v ?? "") ?? list.length;
  };
  const topicRank = rank(parseList(c.topics));
  const audienceRank = rank(parseList(c.audiences));
  const list = [...cells.values()].sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) ||
      topicRank(a.topic) - topicRank(b.topic) ||
      a.topic.localeCompare(b.topic) ||
      audienceRank(a.audience) - audienceRank(b.audience) ||
      (a.audience ?? "").localeCompare(b.audience ?? ""),
  );
  return {
    cells: list,
    topics: [...new Set(list.map((x) => x.topic))],
    audiences: [...new Set(list.map((x) => x.audience))],
    cellsHit: list.filter((x) => x.generated > 0).length,
    cellsTotal: list.length,
  };
}
