import { z } from "zod";
import { db } from "@/lib/db/client";
import { LLM_SETTING_KEYS, type LlmSettingField } from "./setting-keys";
import { encryptSecret } from "./secret-box";

// "" and null both clear a saved value (the environment's applies again); undefined leaves it as is.
const clearable = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? null : v), schema.nullable().optional());
const model = clearable(z.string().trim().min(1).max(200).regex(/^\S+$/, "a model name has no spaces"));

/** PUT /api/settings/llm body. The key is write-only: a string sets it, null clears it. */
export const ZSaveLlmSettings = z
  .object({
    baseUrl: clearable(z.url({ protocol: /^https?$/, error: "base URL must be an http(s) URL, e.g. http://localhost:11434/v1" }).max(500)),
    apiKey: clearable(z.string().trim().min(1).max(1000).regex(/^\S+$/, "an API key has no spaces")),
    models: z.object({ label: model, generate: model, embed: model }).strict().optional(),
    timeoutMs: clearable(z.number().int().min(1000, "timeout: at least 1000 ms").max(600_000, "timeout: at most 600000 ms")),
  })
  .strict();
export type TSaveLlmSettings = z.input<typeof ZSaveLlmSettings>;

/** Writes the given fields in one transaction; the API key is stored encrypted. */
export async function saveLlmSettings({ input, userId }: { input: TSaveLlmSettings; userId?: string | null }): Promise<void> {
  const body = ZSaveLlmSettings.parse(input);
  const changes: [LlmSettingField, string | null | undefined][] = [
    ["baseUrl", body.baseUrl === undefined || body.baseUrl === null ? body.baseUrl : body.baseUrl.replace(/\/+$/, "")],
    ["apiKey", body.apiKey === undefined || body.apiKey === null ? body.apiKey : encryptSecret(body.apiKey)],
    ["label", body.models?.label],
    ["generate", body.models?.generate],
    ["embed", body.models?.embed],
    ["timeoutMs", body.timeoutMs === undefined || body.timeoutMs === null ? body.timeoutMs : String(body.timeoutMs)],
  ];
  await db().$transaction(async (tx) => {
    for (const [field, value] of changes) {
      if (value === undefined) continue;
      const key = LLM_SETTING_KEYS[field];
      if (value === null) await tx.setting.deleteMany({ where: { key } });
      else await tx.setting.upsert({ where: { key }, create: { key, value, updatedById: userId ?? null }, update: { value, updatedById: userId ?? null } });
    }
  });
}
