import type { SyntheticKind, SyntheticParts } from "@/lib/synthetic/compose-content";

/** Parses a SyntheticEdit's content JSON; anything unreadable gives empty parts rather than an error. */
export function parseEditContent(json: string | null | undefined): SyntheticParts {
  if (!json) return {};
  try {
    const v = JSON.parse(json) as Record<string, unknown>;
    const out: SyntheticParts = {};
    for (const key of ["title", "text", "prompt", "solution", "tests"] as const) if (typeof v[key] === "string") out[key] = v[key] as string;
    return out;
  } catch {
    return {};
  }
}

/** A SyntheticEdit's content: the parts as JSON, empty parts left out. */
export function editContentOf(kind: SyntheticKind, parts: SyntheticParts): string {
  const keys = kind === "textbook" ? (["title", "text"] as const) : (["title", "prompt", "solution", "tests"] as const);
  const out: Record<string, string> = {};
  for (const key of keys) if (parts[key] != null && parts[key] !== "") out[key] = parts[key]!;
  return JSON.stringify(out);
}

/**
 * The current parts of an item. Exercises keep theirs on the SyntheticItem row. A textbook section's text
 * is in its current SyntheticEdit; without one (an item written by other means) it is the snippet content
 * minus the "# title" heading composeContent adds.
 */
export function itemParts(item: { kind: string; title: string | null; prompt: string | null; solution: string | null; tests: string | null }, content: string, currentEdit: string | null): SyntheticParts {
  if (item.kind === "exercise") return { title: item.title, prompt: item.prompt ?? "", solution: item.solution ?? "", tests: item.tests ?? "" };
  const edit = parseEditContent(currentEdit);
  if (typeof edit.text === "string") return { title: item.title ?? edit.title ?? null, text: edit.text };
  const title = item.title?.trim();
  const heading = title ? `# ${title}\n\n` : null;
  return { title: item.title, text: heading && content.startsWith(heading) ? content.slice(heading.length) : content };
}
