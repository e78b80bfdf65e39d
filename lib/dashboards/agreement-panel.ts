import { Prisma } from "@syllabus/prisma-sqlite";
import { medianScore } from "@/lib/classifier/load-training-targets";
import { db } from "@/lib/db/client";
import { cohenKappa } from "@/lib/metrics/cohen-kappa";
import { krippendorffAlpha } from "@/lib/metrics/krippendorff-alpha";
import { cached } from "./dashboard-cache";
import { dataVersion } from "./data-version";
import { ZDashboardQuery, type TDashboardQuery } from "./precision-panel";
import { loadSnippetContext } from "./load-snippet-context";
import { resolveDashboardModel } from "./resolve-dashboard-model";
import type { AgreementPanel } from "./types";

const SCORES = [0, 1, 2, 3, 4, 5];

type Int = number | bigint;
type LabelRow = { snippetId: Int; userId: string; email: string; status: string; score: Int | null; ms: Int; shown: Int | null };

const share = (hits: number, n: number) => (n ? hits / n : null);

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * The agreement panel. Reads the human labels in scope (one scan of human_label, thousands of rows) and,
 * through loadSnippetContext, the newest LLM score, the model's probability and each judge's score of those
 * snippets; the statistics are computed over those labels in memory — never over the corpus. Cached until
 * labels, scores or audits change.
 */
export async function agreementPanel(input: Omit<TDashboardQuery, "auditId">): Promise<AgreementPanel> {
  const { datasetId, modelId } = ZDashboardQuery.parse(input);
  const v = await dataVersion();
  return cached(`agreement:${datasetId}:${modelId}`, `${v.scores}/${v.labels}`, () => computeAgreementPanel(datasetId, modelId, v.scores));
}

async function computeAgreementPanel(datasetId: number | undefined, modelId: number | undefined, scoresVersion: string): Promise<AgreementPanel> {
  const model = await resolveDashboardModel(modelId);
  const dataset = datasetId === undefined ? null : await db().dataset.findUnique({ where: { id: datasetId }, select: { threshold: true } });
  const threshold = dataset?.threshold ?? model?.threshold ?? 3;
  const cut = model?.cut ?? 0.5;
  const inScope = datasetId === undefined ? Prisma.empty : Prisma.sql`WHERE h."datasetId" = ${datasetId}`;

  const rows = await db().$queryRaw<LabelRow[]>(Prisma.sql`
    SELECT h."snippetId" AS "snippetId", h."userId" AS "userId", u.email AS email, h.status AS status, h.score AS score,
      h."timeSpentMs" AS ms, h."llmScore" AS shown
    FROM human_label h JOIN "user" u ON u.id = h."userId"
    ${inScope}`);
  const context = await loadSnippetContext([...new Set(rows.filter((r) => r.status === "labeled" && r.score !== null).map((r) => Number(r.snippetId)))], model?.id ?? null, scoresVersion);

  // Per snippet: its scored human labels by annotator, its newest LLM score and the model's probability.
  const snippets = new Map<number, { byUser: Map<string, number>; llm: number | null; prob: number | null }>();
  const users = new Map<string, { email: string; labels: number; skipped: number; ms: number[]; llmHits: number; llmN: number }>();
  for (const r of rows) {
    const u = users.get(r.userId) ?? { email: r.email, labels: 0, skipped: 0, ms: [], llmHits: 0, llmN: 0 };
    users.set(r.userId, u);
    u.ms.push(Number(r.ms));
    if (r.status !== "labeled" || r.score === null) {
      u.skipped++;
      continue;
    }
    const score = Number(r.score);
    u.labels++;
    if (r.shown !== null) {
      u.llmN++;
      if (Number(r.shown) === score) u.llmHits++;
    }
    const id = Number(r.snippetId);
    const c = context.get(id);
    const s = snippets.get(id) ?? { byUser: new Map(), llm: c?.llmScore ?? null, prob: c?.prob ?? null };
    s.byUser.set(r.userId, score);
    snippets.set(id, s);
  }
  const truth = new Map([...snippets.entries()].map(([id, s]) => [id, medianScore([...s.byUser.values()])]));

  // LLM vs human: the median human score against the snippet's newest LLM score.
  const confusion = SCORES.map(() => SCORES.map(() => 0));
  const hs: number[] = [];
  const ls: number[] = [];
  for (const [id, s] of snippets) {
    if (s.llm === null) continue;
    const h = truth.get(id)!;
    hs.push(h);
    ls.push(s.llm);
    if (confusion[h]?.[s.llm] !== undefined) confusion[h][s.llm]++;
  }
  const exact = hs.filter((h, i) => h === ls[i]).length;
  const binary = hs.filter((h, i) => h >= threshold === ls[i] >= threshold).length;

  // Human vs human: every annotator pair on the snippets both scored.
  const pairMap = new Map<string, { a: string; b: string; x: number[]; y: number[] }>();
  const units: number[][] = [];
  const others = new Map<string, { hits: number; n: number; items: number }>();
  for (const s of snippets.values()) {
    const entries = [...s.byUser.entries()].sort((p, q) => p[0].localeCompare(q[0]));
    if (entries.length < 2) continue;
    units.push(entries.map((e) => e[1]));
    for (let i = 0; i < entries.length; i++) {
      const o = others.get(entries[i][0]) ?? { hits: 0, n: 0, items: 0 };
      o.items++;
      others.set(entries[i][0], o);
      for (let j = 0; j < entries.length; j++) {
        if (i === j) continue;
        o.n++;
        if (entries[i][1] === entries[j][1]) o.hits++;
        if (j < i) continue;
        const key = `${entries[i][0]}\u0000${entries[j][0]}`;
        const p = pairMap.get(key) ?? { a: entries[i][0], b: entries[j][0], x: [], y: [] };
        p.x.push(entries[i][1]);
        p.y.push(entries[j][1]);
        pairMap.set(key, p);
      }
    }
  }
  const pairs = [...pairMap.values()]
    .map((p) => ({
      a: p.a,
      b: p.b,
      aEmail: users.get(p.a)?.email ?? p.a,
      bEmail: users.get(p.b)?.email ?? p.b,
      n: p.x.length,
      kappa: cohenKappa(p.x, p.y, { weights: "quadratic", labels: SCORES }),
      exact: share(p.x.filter((x, i) => x === p.y[i]).length, p.x.length),
    }))
    .sort((p, q) => q.n - p.n || p.aEmail.localeCompare(q.aEmail) || p.bEmail.localeCompare(q.bEmail));

  // Classifier vs human: probability ≥ cut against median human score ≥ threshold.
  const yc: number[] = [];
  const yh: number[] = [];
  for (const [id, s] of snippets) {
    if (s.prob === null) continue;
    yc.push(s.prob >= cut ? 1 : 0);
    yh.push(truth.get(id)! >= threshold ? 1 : 0);
  }

  // Each LLM judge (model × prompt version) against the median human score of the snippets it labeled.
  const judgeMap = new Map<string, { model: string; promptVersion: string; h: number[]; l: number[] }>();
  for (const [id, h] of truth) {
    for (const j of context.get(id)?.judges ?? []) {
      const key = `${j.model}\u0000${j.promptVersion}`;
      const g = judgeMap.get(key) ?? { model: j.model, promptVersion: j.promptVersion, h: [], l: [] };
      g.h.push(h);
      g.l.push(j.score);
      judgeMap.set(key, g);
    }
  }

  return {
    datasetId: datasetId ?? null,
    threshold,
    llmVsHuman: { n: hs.length, exact: share(exact, hs.length), kappaQuadratic: cohenKappa(hs, ls, { weights: "quadratic", labels: SCORES }), confusion, binaryAgreement: share(binary, hs.length), threshold },
    humanVsHuman: { pairs, alpha: krippendorffAlpha(units, "ordinal"), items: units.length },
    classifierVsHuman: {
      modelId: model?.id ?? null,
      modelVersion: model?.version ?? null,
      n: yc.length,
      agreement: share(yc.filter((c, i) => c === yh[i]).length, yc.length),
      kappa: cohenKappa(yh, yc, { labels: [0, 1] }),
    },
    perAnnotator: [...users.entries()]
      .map(([userId, u]) => {
        const o = others.get(userId);
        const seconds = median(u.ms);
        return {
          userId,
          email: u.email,
          labels: u.labels,
          skipped: u.skipped,
          medianSeconds: seconds === null ? null : seconds / 1000,
          agreementWithOthers: o ? share(o.hits, o.n) : null,
          sharedItems: o?.items ?? 0,
          agreementWithLlm: share(u.llmHits, u.llmN),
        };
      })
      .sort((a, b) => b.labels - a.labels || a.email.localeCompare(b.email)),
    perJudge: [...judgeMap.values()]
      .map((g) => ({
        model: g.model,
        promptVersion: g.promptVersion,
        n: g.h.length,
        exact: share(g.h.filter((h, i) => h === g.l[i]).length, g.h.length),
        kappaQuadratic: cohenKappa(g.h, g.l, { weights: "quadratic", labels: SCORES }),
      }))
      .sort((a, b) => b.n - a.n || a.model.localeCompare(b.model) || a.promptVersion.localeCompare(b.promptVersion)),
  };
}
