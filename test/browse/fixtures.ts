import { createApiToken } from "@/lib/auth/api-tokens";
import { createUser } from "@/lib/auth/users";
import { db } from "@/lib/db/client";

/** A snippet as inserted, with the derived fields the expectations need. */
export type FixtureSnippet = {
  id: number;
  datasetId: number;
  content: string;
  path: string | null;
  source: string | null;
  language: string;
  sizeBytes: number;
  llmScore: number | null;
  classifierProb: number | null;
  reviewCount: number;
  labels: { userId: string; score: number | null; status: string }[];
};

export type Fixture = {
  datasets: { a: number; b: number };
  users: { admin: string; ann1: string; ann2: string; viewer: string };
  tokens: { admin: string; ann1: string; viewer: string };
  snippets: FixtureSnippet[];
};

const LANGS = ["python", "python", "python", "javascript", "typescript", "go", "rust", "java", "c", "cpp", "ruby"];

/**
 * Two datasets (A: 240 snippets, B: 60), four users with API tokens, LLM scores 0–5 and unlabeled, sizes
 * with many ties, human labels from two annotators (and skips that must not count), contents with a
 * needle in mixed case and LIKE wildcards, all inserted with createMany.
 */
export async function seedBrowseFixture(): Promise<Fixture> {
  const admin = await createUser({ email: "admin@browse.test", password: "password123", role: "admin" });
  const ann1 = await createUser({ email: "ann1@browse.test", name: "Ann One", password: "password123", role: "annotator" });
  const ann2 = await createUser({ email: "ann2@browse.test", name: "Ann Two", password: "password123", role: "annotator" });
  const viewer = await createUser({ email: "viewer@browse.test", password: "password123", role: "viewer" });
  const a = await db().dataset.create({ data: { name: "alpha", kind: "code", description: "first" } });
  const b = await db().dataset.create({ data: { name: "beta", kind: "textbook" } });

  const rows = Array.from({ length: 300 }, (_, i) => {
    const datasetId = i < 240 ? a.id : b.id;
    const needle = i % 13 === 0 ? "NeedleInCode" : i % 17 === 0 ? "needleincode" : "";
    const wild = i % 29 === 0 ? "progress 100%_done" : "progress 100 percent";
    const content = `\n\ndef fn_${i}(x):\n    # ${needle} ${wild}\n    return x + ${i}\n`;
    return {
      datasetId,
      contentHash: `h${i}`,
      content,
      language: LANGS[i % LANGS.length],
      source: i % 31 === 0 ? "octo/needleincode-repo" : i % 9 === 0 ? null : `org${i % 5}/repo`,
      path: i % 10 === 0 ? null : `src/mod${i % 4}/file_${i}.py`,
      license: "MIT",
      sizeBytes: ((i * 37) % 50) * 10,
      lineCount: 4,
      llmScore: i % 7 === 6 ? null : i % 7 % 6,
      // Classifier probabilities in steps of 0.05 (many ties), unscored every sixth row.
      classifierProb: i % 6 === 5 ? null : Math.round(((i * 53) % 97) / 4.85) / 20,
    };
  });
  const created = await db().snippet.createManyAndReturn({ data: rows, select: { id: true } });
  const ids = created.map((c) => c.id).sort((x, y) => x - y);

  const labels: { snippetId: number; userId: string; datasetId: number; status: string; score: number | null }[] = [];
  rows.forEach((r, i) => {
    if (i % 5 === 0) labels.push({ snippetId: ids[i], userId: ann1.id, datasetId: r.datasetId, status: "labeled", score: i % 6 });
    if (i % 7 === 0) labels.push({ snippetId: ids[i], userId: ann2.id, datasetId: r.datasetId, status: "labeled", score: (i + 1) % 6 });
    if (i % 11 === 0) labels.push({ snippetId: ids[i], userId: admin.id, datasetId: r.datasetId, status: "skipped", score: null });
  });
  await db().humanLabel.createMany({ data: labels });
  const snippets: FixtureSnippet[] = rows.map((r, i) => {
    const mine = labels.filter((l) => l.snippetId === ids[i]);
    return { ...r, id: ids[i], reviewCount: mine.filter((l) => l.status === "labeled").length, labels: mine };
  });
  for (const s of snippets) if (s.reviewCount > 0) await db().snippet.update({ where: { id: s.id }, data: { reviewCount: s.reviewCount } });
  await db().llmLabel.createMany({
    data: snippets.filter((s) => s.llmScore !== null).map((s) => ({ snippetId: s.id, score: s.llmScore!, model: "m", promptVersion: "v1" })),
  });
  await db().dataset.update({ where: { id: a.id }, data: { snippetCount: 240 } });
  await db().dataset.update({ where: { id: b.id }, data: { snippetCount: 60 } });
  return {
    datasets: { a: a.id, b: b.id },
    users: { admin: admin.id, ann1: ann1.id, ann2: ann2.id, viewer: viewer.id },
    tokens: {
      admin: (await createApiToken(admin.id, "t")).token,
      ann1: (await createApiToken(ann1.id, "t")).token,
      viewer: (await createApiToken(viewer.id, "t")).token,
    },
    snippets,
  };
}

/** The order the API promises for a sort: ties broken by id; unlabeled (unscored) counts as the lowest score (probability). */
export function compareFor(sort: string): (x: FixtureSnippet, y: FixtureSnippet) => number {
  const desc = sort.startsWith("-");
  const field = sort.replace("-", "");
  const key = (s: FixtureSnippet) => (field === "size" ? s.sizeBytes : field === "llmScore" ? (s.llmScore ?? -1) : field === "prob" ? (s.classifierProb ?? -1) : 0);
  return (x, y) => {
    const c = key(x) - key(y) || x.id - y.id;
    return desc ? -c : c;
  };
}

export function bearer(token: string, url: string, init: RequestInit = {}): Request {
  return new Request(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } });
}

export const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });
