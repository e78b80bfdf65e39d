import { db } from "@/lib/db/client";
import { LLM_SETTING_KEYS, type LlmSettingField } from "./setting-keys";

/** The raw `llm.*` setting rows by field (the API key still encrypted). */
export async function readLlmSettings(): Promise<Partial<Record<LlmSettingField, string>>> {
  const rows = await db().setting.findMany({ where: { key: { in: Object.values(LLM_SETTING_KEYS) } } });
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const out: Partial<Record<LlmSettingField, string>> = {};
  for (const [field, key] of Object.entries(LLM_SETTING_KEYS) as [LlmSettingField, string][]) {
    const value = byKey.get(key);
    if (value !== undefined && value !== "") out[field] = value;
  }
  return out;
}
