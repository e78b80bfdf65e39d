import { db } from "../db/client";

/**
 * Name and version lookups shared by the CLI commands. Each returns the row, or the one-line problem the
 * command prints (as a usage error or a failure, as that command decides).
 */

export async function datasetByName(name: string): Promise<{ id: number; name: string } | { problem: string }> {
  const trimmed = name.trim();
  const dataset = await db().dataset.findUnique({ where: { name: trimmed }, select: { id: true, name: true } });
  return dataset ?? { problem: `no dataset named "${trimmed}" (see the Datasets page, or import one with \`syllabus import\`)` };
}

/** `--model 3` or `--model v3`. */
export async function modelByVersion(arg: string): Promise<{ id: number; version: number } | { problem: string }> {
  const match = /^v?(\d+)$/i.exec(arg.trim());
  if (!match) return { problem: `--model must be a version number like 3 or v3, got "${arg}"` };
  const model = await db().classifierModel.findUnique({ where: { version: Number(match[1]) }, select: { id: true, version: true } });
  return model ?? { problem: `no model version v${match[1]} (see \`syllabus models\`)` };
}
