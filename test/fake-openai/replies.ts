/**
 * Deterministic reply logic of the fake OpenAI server, shared by live chat completions and Batch API output
 * so both paths score a snippet the same way. Generation requests (synthetic textbooks and exercises) are
 * answered by generation-replies.ts.
 */
import { generationKindOf, generationReply } from "./generation-replies";

export type FaultPlan = {
  rate429?: number;
  rate500?: number;
  rateTimeout?: number;
  rateBrokenBody?: number;
  rateMalformedReply?: number;
  rateProseReply?: number;
  retryAfterSeconds?: number;
  seed?: number;
};

export type HttpFault = "429" | "500" | "timeout" | "broken-body";
export type ReplyFault = "malformed" | "prose";

export const MALFORMED_REPLY = "I'm not able to rate this snippet.";

/** FNV-1a: cheap, stable across runs and platforms. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny seeded PRNG, so a fault plan with a seed replays the same draws. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One draw decides at most one fault: the rates are slices of [0, 1). */
export function drawFaults(plan: FaultPlan, rng: () => number, opts: { http: boolean }): { http: HttpFault | null; reply: ReplyFault | null } {
  const u = rng();
  let edge = 0;
  const slices: [number | undefined, HttpFault | ReplyFault, boolean][] = [
    [plan.rate429, "429", true],
    [plan.rate500, "500", true],
    [plan.rateTimeout, "timeout", true],
    [plan.rateBrokenBody, "broken-body", true],
    [plan.rateMalformedReply, "malformed", false],
    [plan.rateProseReply, "prose", false],
  ];
  for (const [rate, fault, isHttp] of slices) {
    edge += rate ?? 0;
    if (u < edge) {
      if (isHttp) return opts.http ? { http: fault as HttpFault, reply: null } : { http: null, reply: null };
      return { http: null, reply: fault as ReplyFault };
    }
  }
  return { http: null, reply: null };
}

/** The score (0–5) the server gives a user message. */
export function scoreFor(userMessage: string): number {
  return hash32(userMessage) % 6;
}

const RATIONALES = [
  "No educational value: configuration or data with no logic to learn from.",
  "Some valid code, but mostly boilerplate with little to teach.",
  "Covers a basic concept, without explanation or structure for a learner.",
  "Clear, self-contained code showing a common programming idea.",
  "Well structured and commented; a good exercise for a student.",
  "Textbook quality: explains each step of a fundamental concept.",
];

export function rationaleFor(userMessage: string): string {
  const h = hash32(userMessage);
  return `${RATIONALES[h % 6]} (ref ${h.toString(16)})`;
}

type ChatMessage = { role?: unknown; content?: unknown };

function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content.map((part) => (part && typeof part === "object" && typeof (part as { text?: unknown }).text === "string" ? (part as { text: string }).text : "")).join("");
  }
  return "";
}

/** The last user message: what the reply is a function of. */
export function userMessageOf(messages: ChatMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i].role === "user") return contentText(messages[i].content);
  return "";
}

/** Roughly what a BPE tokenizer gives for English and code: 4 characters a token, plus framing per message. */
export function approxTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function promptTokens(messages: ChatMessage[]): number {
  return messages.reduce((sum, m) => sum + approxTokens(contentText(m.content)) + 4, 3);
}

export type ChatRequestBody = {
  model: string;
  messages: ChatMessage[];
  response_format?: { type?: string; json_schema?: { name?: string } };
};

/** Returns an error message for a body the real API would reject with 400, or null. */
export function validateChatBody(body: unknown): string | null {
  if (!body || typeof body !== "object" || Array.isArray(body)) return "The request body must be a JSON object.";
  const b = body as Record<string, unknown>;
  if (typeof b.model !== "string" || !b.model) return "you must provide a model parameter";
  if (!Array.isArray(b.messages) || b.messages.length === 0) return "'messages' must be a non-empty array";
  for (const m of b.messages) {
    if (!m || typeof m !== "object" || typeof (m as ChatMessage).role !== "string") return "each message needs a 'role'";
  }
  if (b.stream) return "streaming is not supported by the fake server";
  return null;
}

let completionSeq = 0;

/** What a generation request gets for a "malformed" fault: text no parser can read a section or exercise from. */
export const MALFORMED_GENERATION_REPLY = "I'm not able to write this right now.";

export function buildChatCompletion(body: ChatRequestBody, replyFault: ReplyFault | null) {
  const user = userMessageOf(body.messages);
  const structured = body.response_format?.type === "json_schema" || body.response_format?.type === "json_object";
  const generation = generationKindOf(body, user);
  let content: string;
  if (generation) {
    // A "prose" fault answers a structured request in the plain format, which the tolerant parser must read.
    if (replyFault === "malformed") content = MALFORMED_GENERATION_REPLY;
    else content = generationReply(generation, user, structured && replyFault !== "prose");
  } else {
    const score = scoreFor(user);
    const rationale = rationaleFor(user);
    if (replyFault === "malformed") content = MALFORMED_REPLY;
    else if (replyFault === "prose" || !structured) content = `Educational score: ${score}\n${rationale}`;
    else content = JSON.stringify({ score, rationale });
  }
  const prompt_tokens = promptTokens(body.messages);
  const completion_tokens = approxTokens(content);
  return {
    id: `chatcmpl-fake${++completionSeq}`,
    object: "chat.completion" as const,
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: [{ index: 0, message: { role: "assistant" as const, content, refusal: null }, finish_reason: "stop" as const, logprobs: null }],
    usage: { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens },
    system_fingerprint: "fp_fake",
  };
}

/** A deterministic unit vector for a text. */
export function embeddingFor(text: string, dimensions: number): number[] {
  const rng = createRng(hash32(text));
  const v = Array.from({ length: dimensions }, () => rng() * 2 - 1);
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
  return v.map((x) => x / norm);
}

export function float32Base64(v: number[]): string {
  return Buffer.from(new Float32Array(v).buffer).toString("base64");
}
