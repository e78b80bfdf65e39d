import type { PromptVersion } from "../types";

/** A prompt version as the API returns it. */
export type PromptView = PromptVersion & { notes: string; createdAt: string; createdBy: string | null; isDefault: boolean; builtin: boolean };

type Row = PromptVersion & { notes: string; createdAt: Date; createdById: string | null };

export function toPromptView(row: Row, opts: { defaultVersion: string; builtin: boolean; emails: Map<string, string> }): PromptView {
  return {
    id: row.id,
    task: row.task,
    version: row.version,
    system: row.system,
    template: row.template,
    maxCodeChars: row.maxCodeChars,
    notes: row.notes,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdById ? (opts.emails.get(row.createdById) ?? null) : null,
    isDefault: row.version === opts.defaultVersion,
    builtin: opts.builtin,
  };
}
