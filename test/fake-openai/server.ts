import http from "node:http";
import type { Socket } from "node:net";
import { BatchStore, type BatchOutcome } from "./batch-store";
import { buildChatCompletion, createRng, drawFaults, embeddingFor, float32Base64, approxTokens, scoreFor, validateChatBody, type ChatRequestBody, type FaultPlan } from "./replies";

export type { FaultPlan } from "./replies";
export type { BatchOutcome } from "./batch-store";

/**
 * A local OpenAI-compatible HTTP server for tests and benchmarks: chat completions, embeddings, files and
 * batches, with deterministic replies and injectable faults. The real `openai` SDK talks to it.
 */
export type FakeOpenAIOptions = {
  port?: number;
  /** When set, requests without `Authorization: Bearer <apiKey>` get 401. */
  apiKey?: string | null;
  /** Delay before every reply. */
  latencyMs?: number;
  faults?: FaultPlan;
  /** How long a "timeout" fault holds the request before dropping the connection (default 30 s). */
  hangMs?: number;
  /** GETs of a batch until it finishes (default 2). */
  batchPollsToComplete?: number;
  /** How a batch ends when it finishes (default "completed"). */
  batchOutcome?: BatchOutcome;
  models?: string[];
};

export type FakeOpenAIStats = {
  requests: number;
  /** Count per HTTP status, plus "timeout" for requests held and dropped. */
  byStatus: Record<string, number>;
  /** POST /v1/chat/completions requests, faults included (batch lines are not counted here). */
  chatCompletions: number;
  /** Tokens of every chat completion the client could read: 200 live replies (not broken bodies) and batch output lines. */
  usage: { inputTokens: number; outputTokens: number };
  embeddings: number;
  filesUploaded: number;
  batchesCreated: number;
};

export type FakeOpenAI = {
  baseURL: string;
  stats(): FakeOpenAIStats;
  setFaults(plan: FaultPlan): void;
  setBatchOutcome(outcome: BatchOutcome): void;
  scoreFor(userMessage: string): number;
  close(): Promise<void>;
};

const DEFAULT_MODELS = ["gpt-4o-mini", "gpt-4o", "text-embedding-3-small"];
const FILE_PURPOSES = new Set(["batch", "fine-tune", "assistants", "user_data", "vision", "evals"]);

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type = "invalid_request_error",
    readonly code: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const models = options.models ?? DEFAULT_MODELS;
  const hangMs = options.hangMs ?? 30_000;
  const latencyMs = options.latencyMs ?? 0;
  let faults: FaultPlan = options.faults ?? {};
  let rng = createRng(faults.seed ?? 1);
  let batchOutcome: BatchOutcome = options.batchOutcome ?? "completed";
  const stats: FakeOpenAIStats = { requests: 0, byStatus: {}, chatCompletions: 0, usage: { inputTokens: 0, outputTokens: 0 }, embeddings: 0, filesUploaded: 0, batchesCreated: 0 };
  const countStatus = (key: string) => (stats.byStatus[key] = (stats.byStatus[key] ?? 0) + 1);
  const addUsage = (input: number, output: number) => {
    stats.usage.inputTokens += input;
    stats.usage.outputTokens += output;
  };

  const store = new BatchStore({
    pollsToComplete: () => options.batchPollsToComplete ?? 2,
    outcome: () => batchOutcome,
    models: () => models,
    faults: () => faults,
    rng: () => rng(),
    onUsage: addUsage,
  });

  let closed = false;
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    countStatus(String(status));
    if (closed || res.destroyed) return;
    const text = typeof body === "string" ? body : JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "x-request-id": `req_fake${stats.requests}`, ...headers });
    res.end(text);
  }

  function sendError(res: http.ServerResponse, e: HttpError): void {
    send(res, e.status, { error: { message: e.message, type: e.type, param: null, code: e.code } }, e.headers);
  }

  async function readBody(req: http.IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  function parseJson(raw: Buffer): Record<string, unknown> {
    try {
      const value = JSON.parse(raw.toString("utf8"));
      if (value && typeof value === "object" && !Array.isArray(value)) return value;
    } catch {
      // fall through to the 400 below
    }
    throw new HttpError(400, "We could not parse the JSON body of your request.");
  }

  async function chatCompletions(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    stats.chatCompletions++;
    const body = parseJson(await readBody(req));
    const problem = validateChatBody(body);
    if (problem) throw new HttpError(400, problem);
    if (!models.includes(body.model as string)) throw new HttpError(404, `The model '${body.model}' does not exist or you do not have access to it.`, "invalid_request_error", "model_not_found");
    const fault = drawFaults(faults, rng, { http: true });
    if (fault.http === "429") {
      throw new HttpError(429, "Rate limit reached for requests. Please try again later.", "requests", "rate_limit_exceeded", { "retry-after": String(faults.retryAfterSeconds ?? 1) });
    }
    if (fault.http === "500") throw new HttpError(500, "The server had an error while processing your request.", "server_error");
    if (fault.http === "timeout") return hang(req);
    const completion = buildChatCompletion(body as ChatRequestBody, fault.reply);
    if (fault.http === "broken-body") {
      const text = JSON.stringify(completion);
      return send(res, 200, text.slice(0, Math.floor(text.length / 2)));
    }
    addUsage(completion.usage.prompt_tokens, completion.usage.completion_tokens);
    send(res, 200, completion);
  }

  async function hang(req: http.IncomingMessage): Promise<void> {
    countStatus("timeout");
    await wait(hangMs);
    req.socket.destroy();
  }

  async function embeddings(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    stats.embeddings++;
    const body = parseJson(await readBody(req));
    const input = typeof body.input === "string" ? [body.input] : body.input;
    if (!Array.isArray(input) || input.length === 0 || !input.every((x) => typeof x === "string")) throw new HttpError(400, "'input' must be a string or a non-empty array of strings.");
    if (typeof body.model !== "string" || !models.includes(body.model)) throw new HttpError(404, `The model '${body.model}' does not exist or you do not have access to it.`, "invalid_request_error", "model_not_found");
    const dims = body.dimensions === undefined ? 64 : Number(body.dimensions);
    if (!Number.isInteger(dims) || dims < 1 || dims > 4096) throw new HttpError(400, "'dimensions' must be an integer between 1 and 4096.");
    const fault = drawFaults(faults, rng, { http: true });
    if (fault.http === "429") throw new HttpError(429, "Rate limit reached for requests. Please try again later.", "requests", "rate_limit_exceeded", { "retry-after": String(faults.retryAfterSeconds ?? 1) });
    if (fault.http === "500") throw new HttpError(500, "The server had an error while processing your request.", "server_error");
    if (fault.http === "timeout") return hang(req);
    const base64 = body.encoding_format === "base64";
    const tokens = (input as string[]).reduce((s, t) => s + approxTokens(t), 0);
    send(res, 200, {
      object: "list",
      model: body.model,
      data: (input as string[]).map((text, index) => {
        const v = embeddingFor(text, dims);
        return { object: "embedding", index, embedding: base64 ? float32Base64(v) : v };
      }),
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  }

  async function uploadFile(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req);
    let form: FormData;
    try {
      form = await new Request("http://fake/", { method: "POST", headers: { "content-type": req.headers["content-type"] ?? "" }, body: new Uint8Array(raw) }).formData();
    } catch {
      throw new HttpError(400, "The request must be multipart/form-data with 'file' and 'purpose'.");
    }
    const file = form.get("file");
    const purpose = form.get("purpose");
    if (!(file instanceof Blob)) throw new HttpError(400, "Missing the 'file' part.");
    if (typeof purpose !== "string" || !FILE_PURPOSES.has(purpose)) throw new HttpError(400, `'purpose' must be one of ${[...FILE_PURPOSES].join(", ")}.`);
    const stored = store.addFile((file as File).name || "upload", purpose, Buffer.from(await file.arrayBuffer()));
    stats.filesUploaded++;
    send(res, 200, fileView(stored.id));
  }

  function fileView(id: string) {
    const f = store.files.get(id);
    if (!f) throw new HttpError(404, `No such File object: ${id}`);
    const { content: _content, ...view } = f;
    return view;
  }

  async function createBatch(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = parseJson(await readBody(req));
    const fileId = body.input_file_id;
    if (typeof fileId !== "string" || !store.files.has(fileId)) throw new HttpError(400, `No such input file: ${String(fileId)}`);
    if (store.files.get(fileId)!.purpose !== "batch") throw new HttpError(400, "The input file must be uploaded with purpose 'batch'.");
    if (body.endpoint !== "/v1/chat/completions") throw new HttpError(400, "The fake server supports only the '/v1/chat/completions' batch endpoint.");
    if (body.completion_window !== "24h") throw new HttpError(400, "'completion_window' must be '24h'.");
    const batch = store.createBatch({ input_file_id: fileId, endpoint: body.endpoint, completion_window: body.completion_window, metadata: (body.metadata as Record<string, string> | undefined) ?? null });
    stats.batchesCreated++;
    send(res, 200, batch);
  }

  function batchState(id: string) {
    const state = store.find(id);
    if (!state) throw new HttpError(404, `No such batch: ${id}`);
    return state;
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";
    const path = url.pathname.replace(/\/+$/, "");
    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      throw new HttpError(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
    }
    if (latencyMs > 0) await wait(latencyMs);
    let m: RegExpMatchArray | null;
    if (method === "GET" && path === "/v1/models") return send(res, 200, { object: "list", data: models.map((id) => ({ id, object: "model", created: 0, owned_by: "fake" })) });
    if (method === "GET" && (m = path.match(/^\/v1\/models\/(.+)$/))) {
      if (!models.includes(m[1])) throw new HttpError(404, `The model '${m[1]}' does not exist.`, "invalid_request_error", "model_not_found");
      return send(res, 200, { id: m[1], object: "model", created: 0, owned_by: "fake" });
    }
    if (method === "POST" && path === "/v1/chat/completions") return chatCompletions(req, res);
    if (method === "POST" && path === "/v1/embeddings") return embeddings(req, res);
    if (method === "POST" && path === "/v1/files") return uploadFile(req, res);
    if (method === "GET" && path === "/v1/files") return send(res, 200, { object: "list", data: [...store.files.keys()].map(fileView), has_more: false });
    if ((m = path.match(/^\/v1\/files\/([^/]+)\/content$/)) && method === "GET") {
      const f = store.files.get(m[1]);
      if (!f) throw new HttpError(404, `No such File object: ${m[1]}`);
      countStatus("200");
      res.writeHead(200, { "content-type": "application/octet-stream" });
      return void res.end(f.content);
    }
    if ((m = path.match(/^\/v1\/files\/([^/]+)$/))) {
      if (method === "GET") return send(res, 200, fileView(m[1]));
      if (method === "DELETE") {
        fileView(m[1]);
        store.files.delete(m[1]);
        return send(res, 200, { id: m[1], object: "file", deleted: true });
      }
    }
    if (method === "POST" && path === "/v1/batches") return createBatch(req, res);
    if (method === "GET" && path === "/v1/batches") {
      const limit = Math.min(Math.max(Number(url.searchParams.get("limit") ?? 20) || 20, 1), 100);
      const page = store.list(url.searchParams.get("after"), limit);
      return send(res, 200, { object: "list", data: page.data, first_id: page.data[0]?.id ?? null, last_id: page.data.at(-1)?.id ?? null, has_more: page.has_more });
    }
    if ((m = path.match(/^\/v1\/batches\/([^/]+)\/cancel$/)) && method === "POST") {
      const result = store.cancel(batchState(m[1]));
      if (typeof result === "string") throw new HttpError(409, result);
      return send(res, 200, result);
    }
    if ((m = path.match(/^\/v1\/batches\/([^/]+)$/)) && method === "GET") return send(res, 200, store.poll(batchState(m[1])));
    throw new HttpError(404, `Unknown request URL: ${method} ${url.pathname}`, "invalid_request_error", "unknown_url");
  }

  const server = http.createServer((req, res) => {
    stats.requests++;
    route(req, res).catch((e: unknown) => {
      if (e instanceof HttpError) return sendError(res, e);
      sendError(res, new HttpError(500, `Fake server bug: ${e instanceof Error ? e.message : String(e)}`, "server_error"));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    stats: () => structuredClone(stats),
    setFaults(plan) {
      faults = plan;
      if (plan.seed !== undefined) rng = createRng(plan.seed);
    },
    setBatchOutcome(outcome) {
      batchOutcome = outcome;
    },
    scoreFor,
    async close() {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
