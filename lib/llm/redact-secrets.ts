/**
 * Masks API keys in text shown to users or written to logs: the configured key itself, and anything shaped
 * like an OpenAI key (servers echo part of a rejected key back in their 401 message).
 */
export function redactSecrets(text: string, secrets: (string | null | undefined)[] = []): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join("***");
  return out.replace(/\b(sk|rk)-[A-Za-z0-9_*\-]{6,}/g, "$1-***");
}
