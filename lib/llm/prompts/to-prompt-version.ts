import type { PromptVersion } from "../types";

type PromptRow = { id: number; task: string; version: string; system: string; template: string; maxCodeChars: number };

export function toPromptVersion(row: PromptRow): PromptVersion {
  return { id: row.id, task: row.task, version: row.version, system: row.system, template: row.template, maxCodeChars: row.maxCodeChars };
}
