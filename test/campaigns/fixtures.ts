import { db } from "@/lib/db/client";
import { LLM_SETTING_KEYS } from "@/lib/llm/setting-keys";

const LANGS = ["python", "python", "javascript", "go", "rust"];

/** A dataset with `count` distinct snippets (languages cycle through python, javascript, go, rust). */
export async function seedDataset(name: string, count: number): Promise<{ id: number; snippetIds: number[] }> {
  const dataset = await db().dataset.create({ data: { name, snippetCount: count } });
  const rows = Array.from({ length: count }, (_, i) => {
    const content = `def ${name.replace(/\W/g, "_")}_${i}(values):\n    """Sum the first ${i} values."""\n    total = 0\n    for v in values[:${i}]:\n        total += v\n    return total\n`;
    return { datasetId: dataset.id, contentHash: `${name}-${i}`, content, language: LANGS[i % LANGS.length], path: `src/f${i}.py`, sizeBytes: content.length, lineCount: 6 };
  });
  for (let i = 0; i < rows.length; i += 500) await db().snippet.createMany({ data: rows.slice(i, i + 500) });
  const ids = await db().snippet.findMany({ where: { datasetId: dataset.id }, select: { id: true }, orderBy: { id: "asc" } });
  return { id: dataset.id, snippetIds: ids.map((r) => r.id) };
}

/** Points the LLM configuration at a fake server, the way an admin does on the Settings page. */
export async function configureLlm(baseUrl: string, options: { apiKey?: string; timeoutMs?: number } = {}): Promise<void> {
  process.env.OPENAI_BASE_URL = baseUrl;
  if (options.apiKey) process.env.OPENAI_API_KEY = options.apiKey;
  else delete process.env.OPENAI_API_KEY;
  // Settings accept a timeout below the environment's 1 s minimum, which lets tests trip it quickly.
  if (options.timeoutMs !== undefined) {
    await db().setting.upsert({
      where: { key: LLM_SETTING_KEYS.timeoutMs },
      create: { key: LLM_SETTING_KEYS.timeoutMs, value: String(options.timeoutMs) },
      update: { value: String(options.timeoutMs) },
    });
  }
}

/** Every item's totals summed, to compare with the campaign's counters. */
export async function itemSums(campaignId: number) {
  const items = await db().campaignItem.findMany({ where: { campaignId } });
  const sum = (f: (i: (typeof items)[number]) => number | null) => items.reduce((a, i) => a + (f(i) ?? 0), 0);
  return {
    items,
    inputTokens: sum((i) => i.inputTokens),
    outputTokens: sum((i) => i.outputTokens),
    costUsd: sum((i) => i.costUsd),
    requests: sum((i) => i.attempts),
    byStatus: Object.fromEntries(["pending", "labeled", "failed", "skipped"].map((s) => [s, items.filter((i) => i.status === s).length])),
  };
}
