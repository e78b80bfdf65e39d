import { z } from "zod";
import { db } from "@/lib/db/client";
import { highlightCode } from "@/lib/highlight/highlight-code";
import { badRequest, notFound } from "@/lib/http/errors";
import { changedLines } from "./changed-lines";
import { parseClusters } from "./to-report-view";
import type { StoredCluster } from "./types";

export const ZGetCluster = z.object({
  reportId: z.coerce.number().int().positive(),
  /** Position in the report's cluster list (0 = largest). */
  index: z.coerce.number().int().min(0),
  /** Members loaded with their content (the first is the representative). */
  limit: z.coerce.number().int().min(2).max(50).default(12),
});
export type TGetCluster = z.input<typeof ZGetCluster>;

export type ClusterMember = {
  snippetId: number;
  /** Gone when the snippet was deleted after the report. */
  exists: boolean;
  datasetId: number | null;
  language: string | null;
  path: string | null;
  title: string | null;
  kind: string | null;
  lineCount: number;
  /** Estimated Jaccard with the representative. */
  similarity: number;
  /** Highlighted lines (HTML, escaped) and the pre element's style, to show side by side. */
  lines: string[];
  preStyle: string;
  truncated: boolean;
  /** Lines of this member / of the representative that differ between the two (0-based). */
  changed: number[];
  representativeChanged: number[];
};

export type ClusterDetail = { index: number; cluster: StoredCluster; members: ClusterMember[] };

const PRE = /^<pre class="[^"]*" style="([^"]*)"[^>]*><code>([\s\S]*)<\/code><\/pre>$/;

/**
 * One stored cluster of a report with its first members' contents, highlighted and split into lines, and for
 * each member the lines that differ from the representative (both sides), for the side-by-side browser.
 */
export async function getCluster(input: TGetCluster): Promise<ClusterDetail> {
  const { reportId, index, limit } = ZGetCluster.parse(input);
  const report = await db().diversityReport.findUnique({ where: { id: reportId }, select: { clusters: true, status: true } });
  if (!report) throw notFound(`no diversity report with id ${reportId}`);
  const clusters = parseClusters(report.clusters);
  if (index >= clusters.length) throw badRequest(`report ${reportId} has ${clusters.length} stored clusters; index ${index} is out of range`);
  const cluster = clusters[index];
  const ids = cluster.snippetIds.slice(0, limit);
  const rows = await db().snippet.findMany({
    where: { id: { in: ids } },
    select: { id: true, datasetId: true, content: true, contentHash: true, language: true, path: true, lineCount: true, synthetic: { select: { kind: true, title: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const rep = byId.get(ids[0]);
  const members = await Promise.all(
    ids.map(async (id, k): Promise<ClusterMember> => {
      const row = byId.get(id);
      const diff = rep && row && k > 0 ? changedLines(row.content, rep.content) : { a: [], b: [] };
      const lang = row?.synthetic?.kind === "textbook" ? "markdown" : (row?.language ?? null);
      const h = row ? await highlightCode({ code: row.content, language: lang, cacheKey: `${id}:${row.contentHash}` }) : null;
      const m = h ? PRE.exec(h.html) : null;
      return {
        snippetId: id,
        exists: Boolean(row),
        datasetId: row?.datasetId ?? null,
        language: row?.language ?? null,
        path: row?.path ?? null,
        title: row?.synthetic?.title ?? null,
        kind: row?.synthetic?.kind ?? null,
        lineCount: row?.lineCount ?? 0,
        similarity: cluster.toRepresentative[k] ?? 0,
        lines: m ? m[2].split("\n") : [],
        preStyle: m ? m[1] : "",
        truncated: Boolean(h?.truncated),
        changed: diff.a,
        representativeChanged: diff.b,
      };
    }),
  );
  return { index, cluster, members };
}
