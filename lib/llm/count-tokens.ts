import { countTokens as countO200k } from "gpt-tokenizer/encoding/o200k_base";

// Code corpora contain literal "<|endoftext|>" and friends: count them as text instead of throwing.
const AS_TEXT = { disallowedSpecial: new Set<string>() };

/** Tokens of `text` in o200k_base, the encoding of gpt-4o, gpt-4.1 and the o-series. */
export function countTokens(text: string): number {
  return countO200k(text, AS_TEXT);
}

/**
 * Prompt tokens of a chat request: each message costs its role and content plus 3 framing tokens, and the
 * reply is primed with 3 more (OpenAI's published accounting for gpt-4o-era chat models).
 */
export function countChatTokens(messages: { role: string; content: string }[]): number {
  return messages.reduce((sum, m) => sum + 3 + countTokens(m.role) + countTokens(m.content), 3);
}
