import { Prisma } from "@syllabus/prisma-sqlite";
import { db, dialect } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { SQLITE_ISO_FORMAT } from "@/lib/jobs/sqlite-time";
import { parseStoredFilter } from "./campaign-filter";
import { selectionSql } from "./selection-sql";

/**
 * Fixes the campaign's selection: one INSERT … SELECT of its snippets into campaign_item (no rows through
 * JS, so 100k+ items is one statement on either database), and sets `total`. Runs once per campaign:
 * `startedAt` is claimed by a conditional update in the same transaction, so a rerun, a second worker or
 * labels added meanwhile never change the selection. Returns the campaign's total.
 */
export async function materializeCampaignItems(campaignId: number): Promise<number> {
  return db().$transaction(
    async (tx) => {
      const campaign = await tx.labelCampaign.findUnique({ where: { id: campaignId } });
      if (!campaign) throw notFound(`no campaign ${campaignId}`);
      const now = new Date();
      const claimed = await tx.labelCampaign.updateMany({ where: { id: campaignId, startedAt: null }, data: { startedAt: now } });
      if (claimed.count === 0) return campaign.total;
      const { where, order, limit } = selectionSql({ datasetId: campaign.datasetId, filter: parseStoredFilter(campaign.filter), model: campaign.model, promptVersion: campaign.promptVersion });
      // "WHERE 1 = 1": SQLite needs a WHERE in an INSERT … SELECT before ON CONFLICT (a parsing ambiguity).
      const inserted = await tx.$executeRaw(Prisma.sql`
        INSERT INTO campaign_item ("campaignId", "snippetId", status, attempts, "updatedAt")
        SELECT ${Prisma.raw(String(campaign.id))}, sel.id, 'pending', 0, ${nowSql()} FROM (SELECT s.id FROM snippet s WHERE ${where} ORDER BY ${order} ${limit}) sel
        WHERE 1 = 1
        ON CONFLICT ("campaignId", "snippetId") DO NOTHING`);
      await tx.labelCampaign.update({ where: { id: campaignId }, data: { total: inserted } });
      return inserted;
    },
    // A million-row selection takes seconds; other writers wait for it rather than fail.
    { maxWait: 30_000, timeout: 600_000 },
  );
}

// Bound parameters in an INSERT … SELECT list have no type on PostgreSQL; the timestamp is computed in SQL
// instead, in the text format Prisma writes on SQLite.
function nowSql(): Prisma.Sql {
  return dialect() === "postgres" ? Prisma.sql`(now() AT TIME ZONE 'UTC')` : Prisma.sql`strftime(${SQLITE_ISO_FORMAT}, 'now')`;
}
