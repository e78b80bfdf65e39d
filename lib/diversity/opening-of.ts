import { scanTokens } from "./word-tokens";

/**
 * How a document starts, normalized: its first `words` tokens (see word-tokens.ts) joined by spaces. For a
 * textbook section, leading markdown headings are skipped first (every section starts with its own title,
 * the question is whether the prose after it is templated). Empty when the document has no token.
 */
export function openingOf(content: string, words: number, skipHeadings: boolean): string {
  let text = content;
  if (skipHeadings) {
    let at = 0;
    for (;;) {
      const end = text.indexOf("\n", at);
      const line = text.slice(at, end === -1 ? text.length : end).trim();
      if (line !== "" && !line.startsWith("#")) break;
      if (end === -1) {
        at = text.length;
        break;
      }
      at = end + 1;
    }
    text = text.slice(at);
  }
  // Only the head is needed: scan a bounded prefix, and the whole text when the prefix may have cut a token.
  const prefix = text.slice(0, Math.max(256, words * 48));
  const head = firstTokens(prefix, words + 1);
  return (head.length > words || prefix.length === text.length ? head : firstTokens(text, words)).slice(0, words).join(" ");
}

function firstTokens(text: string, limit: number): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  scanTokens(lower, (a, b) => {
    if (out.length < limit) out.push(lower.slice(a, b));
  });
  return out;
}
