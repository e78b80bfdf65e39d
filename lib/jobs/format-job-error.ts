const MAX_STACK_LINES = 12;
const MAX_CHARS = 4_000;

/** The error text kept on a failed job: the message, then the top of the stack, bounded in size. */
export function formatJobError(error: unknown): string {
  if (!(error instanceof Error)) return truncate(typeof error === "string" ? error : safeJson(error));
  const head = `${error.name && error.name !== "Error" ? `${error.name}: ` : ""}${conciseMessage(error)}`;
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_STACK_LINES);
  return truncate([head, ...frames].join("\n"));
}

/**
 * An error's message without Prisma's call-site excerpt: Prisma messages read "Invalid `x()` invocation
 * in <file>", many lines of (minified) source, then the actual problem on the last line.
 */
export function conciseMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (!/invocation in\n/.test(message)) return message;
  const lines = message.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines[lines.length - 1] ?? message;
}

/** First line of a stored error, for one-line listings. */
export function errorSummary(error: string | null | undefined): string {
  return (error ?? "").split("\n", 1)[0];
}

function truncate(text: string): string {
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
