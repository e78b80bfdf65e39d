import { countTokens } from "@/lib/llm/count-tokens";

/**
 * Input limit per text. The text-embedding-3 models take 8,191 tokens of cl100k_base; we count with
 * o200k_base (lib/llm/count-tokens.ts), which can come out lower for the same text, hence the margin.
 */
export const MAX_EMBEDDING_INPUT_TOKENS = 7_000;

/**
 * The text cut to at most `maxTokens` tokens, and its token count (an upper bound when not counted).
 * A BPE token covers at least one UTF-8 byte, so a text with no more bytes than the limit is never
 * tokenized; longer ones are counted and cut proportionally until they fit.
 */
export function truncateForEmbedding(text: string, maxTokens = MAX_EMBEDDING_INPUT_TOKENS): { text: string; tokens: number; truncated: boolean } {
  // The API rejects empty inputs; an empty snippet still gets a (meaningless but stable) vector.
  if (text.length === 0) return { text: " ", tokens: 1, truncated: false };
  const bytes = Buffer.byteLength(text);
  if (bytes <= maxTokens) return { text, tokens: bytes, truncated: false };
  let cut = text;
  for (;;) {
    const tokens = countTokens(cut);
    if (tokens <= maxTokens) return { text: cut, tokens, truncated: cut.length < text.length };
    let end = Math.max(1, Math.floor(cut.length * (maxTokens / tokens) * 0.97));
    // Never split a surrogate pair.
    const last = cut.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--;
    cut = cut.slice(0, Math.max(1, end));
  }
}
