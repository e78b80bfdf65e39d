import { buildChatCompletion, drawFaults, validateChatBody, type ChatRequestBody, type FaultPlan } from "./replies";

/**
 * In-memory Files and Batch API of the fake server. A batch advances one step per GET: validating →
 * in_progress → (after `pollsToComplete` GETs) completed, failed or expired as the test asked.
 */

export type StoredFile = { id: string; object: "file"; bytes: number; created_at: number; filename: string; purpose: string; status: "processed"; status_details: null; expires_at: null; content: Buffer };

export type BatchOutcome = "completed" | "failed" | "expired";

type BatchError = { code: string; message: string; param: string | null; line: number | null };

export type BatchObject = {
  id: string;
  object: "batch";
  endpoint: string;
  errors: { object: "list"; data: BatchError[] } | null;
  input_file_id: string;
  completion_window: string;
  status: "validating" | "failed" | "in_progress" | "finalizing" | "completed" | "expired" | "cancelling" | "cancelled";
  output_file_id: string | null;
  error_file_id: string | null;
  created_at: number;
  in_progress_at: number | null;
  expires_at: number;
  finalizing_at: number | null;
  completed_at: number | null;
  failed_at: number | null;
  expired_at: number | null;
  cancelling_at: number | null;
  cancelled_at: number | null;
  request_counts: { total: number; completed: number; failed: number };
  metadata: Record<string, string> | null;
};

type BatchState = { batch: BatchObject; polls: number };

export const BATCH_MAX_REQUESTS = 50_000;
const TERMINAL = new Set(["completed", "failed", "expired", "cancelled"]);

const now = () => Math.floor(Date.now() / 1000);

export class BatchStore {
  readonly files = new Map<string, StoredFile>();
  private readonly batches: BatchState[] = [];
  private seq = 0;

  constructor(
    private readonly opts: {
      pollsToComplete: () => number;
      outcome: () => BatchOutcome;
      models: () => string[];
      faults: () => FaultPlan;
      rng: () => number;
      onUsage: (inputTokens: number, outputTokens: number) => void;
    },
  ) {}

  get batchCount(): number {
    return this.batches.length;
  }

  addFile(filename: string, purpose: string, content: Buffer): StoredFile {
    const file: StoredFile = { id: `file-fake${++this.seq}`, object: "file", bytes: content.length, created_at: now(), filename, purpose, status: "processed", status_details: null, expires_at: null, content };
    this.files.set(file.id, file);
    return file;
  }

  createBatch(input: { input_file_id: string; endpoint: string; completion_window: string; metadata: Record<string, string> | null }): BatchObject {
    const created = now();
    const batch: BatchObject = {
      id: `batch_fake${++this.seq}`,
      object: "batch",
      endpoint: input.endpoint,
      errors: null,
      input_file_id: input.input_file_id,
      completion_window: input.completion_window,
      status: "validating",
      output_file_id: null,
      error_file_id: null,
      created_at: created,
      in_progress_at: null,
      expires_at: created + 24 * 3600,
      finalizing_at: null,
      completed_at: null,
      failed_at: null,
      expired_at: null,
      cancelling_at: null,
      cancelled_at: null,
      request_counts: { total: 0, completed: 0, failed: 0 },
      metadata: input.metadata,
    };
    this.batches.push({ batch, polls: 0 });
    return batch;
  }

  find(id: string): BatchState | undefined {
    return this.batches.find((b) => b.batch.id === id);
  }

  /** Newest first, like the real API; `after` is the id of the last batch of the previous page. */
  list(after: string | null, limit: number): { data: BatchObject[]; has_more: boolean } {
    const ordered = [...this.batches].reverse().map((b) => b.batch);
    const start = after ? ordered.findIndex((b) => b.id === after) + 1 : 0;
    const data = ordered.slice(start, start + limit);
    return { data, has_more: start + limit < ordered.length };
  }

  /** A GET: advance the batch one step. */
  poll(state: BatchState): BatchObject {
    const b = state.batch;
    if (TERMINAL.has(b.status)) return b;
    state.polls++;
    if (b.status === "cancelling") {
      b.status = "cancelled";
      b.cancelled_at = now();
      return b;
    }
    const lines = this.inputLines(b);
    if (b.status === "validating") {
      const problem = lines.length === 0 ? "The input file is empty." : lines.length > BATCH_MAX_REQUESTS ? `The input file has ${lines.length} requests; the limit is ${BATCH_MAX_REQUESTS}.` : null;
      if (problem) {
        b.status = "failed";
        b.failed_at = now();
        b.errors = { object: "list", data: [{ code: "invalid_input_file", message: problem, param: null, line: null }] };
        return b;
      }
      b.request_counts.total = lines.length;
    }
    if (state.polls < this.opts.pollsToComplete()) {
      b.status = "in_progress";
      b.in_progress_at ??= now();
      return b;
    }
    this.finish(b, lines);
    return b;
  }

  cancel(state: BatchState): BatchObject | string {
    const b = state.batch;
    if (TERMINAL.has(b.status)) return `Cannot cancel a batch with status '${b.status}'.`;
    b.status = "cancelling";
    b.cancelling_at = now();
    return b;
  }

  private inputLines(b: BatchObject): string[] {
    const file = this.files.get(b.input_file_id);
    return file ? file.content.toString("utf8").split("\n").filter((l) => l.trim()) : [];
  }

  private finish(b: BatchObject, lines: string[]): void {
    const outcome = this.opts.outcome();
    b.in_progress_at ??= now();
    if (outcome === "failed") {
      b.status = "failed";
      b.failed_at = now();
      b.errors = { object: "list", data: [{ code: "fake_batch_failed", message: "The fake server was told to fail this batch.", param: null, line: null }] };
      return;
    }
    if (outcome === "expired") {
      b.status = "expired";
      b.expired_at = now();
      return;
    }
    const output: string[] = [];
    const errors: string[] = [];
    const seen = new Set<string>();
    lines.forEach((line, index) => {
      const requestId = `req_fake${++this.seq}`;
      const lineId = `batch_req_fake${this.seq}`;
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(line);
      } catch {
        errors.push(JSON.stringify({ id: lineId, custom_id: null, response: null, error: { code: "invalid_json_line", message: `Line ${index + 1} is not valid JSON.` } }));
        return;
      }
      const customId = typeof parsed.custom_id === "string" ? parsed.custom_id : null;
      const problem = this.lineProblem(parsed, customId, b.endpoint, seen);
      if (customId) seen.add(customId);
      if (problem) {
        const body = { error: { message: problem.message, type: "invalid_request_error", param: null, code: problem.code } };
        errors.push(JSON.stringify({ id: lineId, custom_id: customId, response: { status_code: problem.status, request_id: requestId, body }, error: null }));
        return;
      }
      const { reply } = drawFaults(this.opts.faults(), this.opts.rng, { http: false });
      const completion = buildChatCompletion(parsed.body as ChatRequestBody, reply);
      this.opts.onUsage(completion.usage.prompt_tokens, completion.usage.completion_tokens);
      output.push(JSON.stringify({ id: lineId, custom_id: customId, response: { status_code: 200, request_id: requestId, body: completion }, error: null }));
    });
    b.finalizing_at = now();
    if (output.length) b.output_file_id = this.addFile(`${b.id}_output.jsonl`, "batch_output", Buffer.from(output.join("\n") + "\n")).id;
    if (errors.length) b.error_file_id = this.addFile(`${b.id}_error.jsonl`, "batch_output", Buffer.from(errors.join("\n") + "\n")).id;
    b.request_counts = { total: lines.length, completed: output.length, failed: errors.length };
    b.status = "completed";
    b.completed_at = now();
  }

  private lineProblem(line: Record<string, unknown>, customId: string | null, endpoint: string, seen: Set<string>): { status: number; code: string; message: string } | null {
    if (!customId) return { status: 400, code: "missing_custom_id", message: "Each line needs a string 'custom_id'." };
    if (seen.has(customId)) return { status: 400, code: "duplicate_custom_id", message: `The custom_id '${customId}' appears more than once.` };
    if (line.method !== "POST") return { status: 400, code: "invalid_method", message: "Only POST requests are supported." };
    if (line.url !== endpoint) return { status: 400, code: "invalid_url", message: `The url must be '${endpoint}', the batch's endpoint.` };
    const bodyProblem = validateChatBody(line.body);
    if (bodyProblem) return { status: 400, code: "invalid_body", message: bodyProblem };
    const model = (line.body as ChatRequestBody).model;
    if (!this.opts.models().includes(model)) return { status: 404, code: "model_not_found", message: `The model '${model}' does not exist.` };
    return null;
  }
}
