import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { AgreementPanel } from "@/components/quality/agreement-panel";
import { AuditCard } from "@/components/quality/audit-card";
import { PrecisionPanel } from "@/components/quality/precision-panel";
import { UserProvider } from "@/components/user-context";
import { createAudit } from "@/lib/audits/create-audit";
import { listAudits } from "@/lib/audits/list-audits";
import { agreementPanel } from "@/lib/dashboards/agreement-panel";
import { precisionPanel } from "@/lib/dashboards/precision-panel";
import type { PrecisionPanel as TPrecisionPanel } from "@/lib/dashboards/types";
import { listDatasets } from "@/lib/datasets/list-datasets";
import { db } from "@/lib/db/client";
import { countSnippets } from "@/lib/snippets/count-snippets";
import { testDialect, useTestDatabase } from "../helpers/db";
import { seedBrowseFixture, type Fixture } from "./fixtures";

/*
 * The promise of the quality page: every number that stands for a set of snippets links to the snippet
 * table filtered to exactly that set. Render the panels (server-side, from the real dashboard functions on
 * a seeded database), follow every drill-down link through the table's own count, and compare.
 */
useTestDatabase();
let fx: Fixture;
let precision: TPrecisionPanel;
let auditId: number;

beforeAll(async () => {
  fx = await seedBrowseFixture();
  const model = await db().classifierModel.create({ data: { version: 1, status: "ready", active: true, cut: 0.5, threshold: 3 } });
  await db().snippetScore.createMany({
    data: fx.snippets.filter((s) => s.classifierProb !== null).map((s) => ({ snippetId: s.id, modelId: model.id, probability: s.classifierProb! })),
  });
  auditId = (await createAudit({ modelId: model.id, keptSize: 40, rejectedSize: 40, seed: 7, name: "links" }, fx.users.admin)).id;
  // Audit labels on every other sampled item (beside any the fixture's annotators gave), so precision and
  // its drill-downs have something to count.
  const items = await db().auditItem.findMany({ where: { auditId }, orderBy: { position: "asc" }, select: { snippetId: true, snippet: { select: { datasetId: true } } } });
  await db().humanLabel.createMany({
    data: items
      .filter((_, k) => k % 2 === 0)
      .map((it, k) => ({ snippetId: it.snippetId, userId: fx.users.viewer, datasetId: it.snippet.datasetId, status: "labeled", score: k % 6, auditId, queue: "audit" })),
  });
  precision = await precisionPanel({});
});

type Drill = { name: string; params: Record<string, string>; text: string };

/** The drill-down links of rendered markup: their test id, table filters and visible text. */
function drills(html: string): Drill[] {
  const out: Drill[] = [];
  for (const m of html.matchAll(/<a ([^>]*)>(.*?)<\/a>/g)) {
    const name = m[1].match(/data-testid="drill-([^"]+)"/)?.[1];
    const href = m[1].match(/href="\/snippets\?([^"]*)"/)?.[1];
    if (!name || href === undefined) continue;
    const params = Object.fromEntries(new URLSearchParams(href.replaceAll("&amp;", "&")));
    out.push({ name, params, text: m[2].replace(/<!-- -->/g, "").replace(/<[^>]+>/g, "") });
  }
  return out;
}

/** The count a link's text claims (its first integer), or null for a percentage. */
function claimed(text: string): number | null {
  if (text.includes("%")) return null;
  const m = text.replace(/,/g, "").match(/\d+/);
  return m ? Number(m[0]) : null;
}

async function expectLinksMatch(html: string, minLinks: number) {
  const links = drills(html);
  expect(links.length).toBeGreaterThanOrEqual(minLinks);
  let checked = 0;
  for (const l of links) {
    const n = claimed(l.text);
    if (n === null) continue;
    const { total } = await countSnippets(l.params, { single: 1_000_000, combined: 1_000_000 });
    expect({ link: l.name, text: l.text, total }).toEqual({ link: l.name, text: l.text, total: n });
    checked++;
  }
  return checked;
}

const asAdmin = (child: ReturnType<typeof createElement>) =>
  createElement(
    QueryClientProvider,
    { client: new QueryClient() },
    createElement(UserProvider, { user: { id: fx.users.admin, email: "admin@browse.test", name: "", role: "admin" } } as Parameters<typeof UserProvider>[0], child),
  );

describe(`drill-down links of the quality page (${testDialect})`, () => {
  it("precision panel: every count opens exactly its snippets", async () => {
    expect(precision.audit?.id).toBe(auditId);
    expect(precision.sampleSizes.kept.labeled).toBeGreaterThan(0);
    const html = renderToStaticMarkup(createElement(PrecisionPanel, { data: precision, datasets: await listDatasets() }));
    for (const id of ["quality-precision", "quality-recall", "threshold-slider", "drill-kept-false-positives", "drill-kept-high", "drill-rejected-high"]) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    const fp = drills(html).find((d) => d.name === "kept-false-positives")!;
    expect(fp.params).toEqual({ auditId: String(auditId), side: "kept", maxHumanScore: "2" });
    const checked = await expectLinksMatch(html, 8);
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  it("agreement panel: confusion cells and annotator volumes open their snippets", async () => {
    const data = await agreementPanel({});
    expect(data.llmVsHuman.n).toBeGreaterThan(0);
    const html = renderToStaticMarkup(createElement(AgreementPanel, { data }));
    expect(html).toContain('data-testid="agreement-confusion"');
    const cells = drills(html).filter((d) => d.name.startsWith("confusion-"));
    expect(cells.length).toBeGreaterThan(3);
    expect(cells[0].params).toMatchObject({ llmScore: expect.any(String), minHumanScore: expect.any(String), maxHumanScore: expect.any(String) });
    // Cells sum to the number of compared snippets.
    expect(cells.reduce((s, c) => s + claimed(c.text)!, 0)).toBe(data.llmVsHuman.n);
    await expectLinksMatch(html, cells.length + 2);
  });

  it("audit card: rows with sample links, create form for admins", async () => {
    const audits = await listAudits({});
    const html = renderToStaticMarkup(asAdmin(createElement(AuditCard, {
      model: precision.model, datasetId: null, datasets: await listDatasets(), audits, selectedId: auditId, onSelect: () => {},
    })));
    expect(html).toContain('data-testid="audit-create"');
    expect(html).toContain(`data-testid="audit-row-${auditId}"`);
    // An audit over every dataset is reviewed per dataset: one queue link each.
    expect(html).toContain(`/review/${fx.datasets.a}?queue=audit&amp;auditId=${auditId}`);
    expect(html).toContain(`/review/${fx.datasets.b}?queue=audit&amp;auditId=${auditId}`);
    await expectLinksMatch(html, 2);
  });
});
