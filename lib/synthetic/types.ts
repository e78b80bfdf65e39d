import type { SyntheticKind } from "./compose-content";

/** Shapes shared by generation campaigns (lib/synthetic), their API routes, UI and CLI. */

export const CAMPAIGN_KINDS = ["textbook", "exercise", "mixed"] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

export const FUNCTION_NAME_MODES = ["list", "generated"] as const;
export type FunctionNameMode = (typeof FUNCTION_NAME_MODES)[number];

export const PLAN_STRATEGIES = ["balanced", "random"] as const;
export type PlanStrategy = (typeof PLAN_STRATEGIES)[number];

/**
 * A campaign's `plan` JSON. LLM campaigns: the sampling strategy over the constraint grid, its seed, and the
 * share of exercises in a mixed campaign. `imports` lists the JSONL imports attached to the campaign (an
 * import campaign has strategy "import" and only those), with the default kind of each file's records.
 */
export type GenerationPlan = {
  strategy: PlanStrategy | "import";
  seed: number;
  exerciseShare?: number;
  imports?: { importRunId: number; kind: SyntheticKind }[];
};

/** One planned item: a cell of the constraint grid (plus a function name for exercises). */
export type PlannedItem = { position: number; kind: SyntheticKind; topic: string; audience: string | null; functionName: string | null };

export const GENERATION_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type GenerationStatus = (typeof GENERATION_STATUSES)[number];

export type GenerationEstimate = {
  /** Items the campaign would generate, by kind. */
  count: number;
  textbooks: number;
  exercises: number;
  /** Cells of the constraint grid (per kind, summed) and how many the plan uses. */
  cells: number;
  cellsUsed: number;
  inputTokens: number;
  outputTokens: number;
  /** true: input tokens were counted on the first `sampleSize` planned items and extrapolated. */
  sampled: boolean;
  sampleSize: number;
  /** Expected output tokens per item of each kind, and where the figure comes from. */
  outputTokensPerItem: { textbook: number; exercise: number };
  outputTokensSource: "history" | "default";
  costUsd: number;
  priceKnown: boolean;
  seconds: number;
  latencyMs: { textbook: number; exercise: number };
  latencySource: "history" | "default";
  model: string;
  promptVersions: { textbook: string | null; exercise: string | null };
  concurrency: number;
  /** A few planned items, to show what the requests look like. */
  preview: PlannedItem[];
  /** Generated function names that a list of names would not have (generated mode), first few. */
  functionNames: string[];
};

export type GenerationJobView = { id: number; status: string; attempt: number; maxAttempts: number; error: string | null; message: string; cancelRequested: boolean };

/** A generation campaign as the UI, API and CLI show it (numbers, ISO dates). */
export type GenerationCampaignView = {
  id: number;
  name: string;
  datasetId: number;
  datasetName: string;
  source: "llm" | "import";
  kind: CampaignKind;
  status: GenerationStatus;
  topics: string[];
  audiences: string[];
  functionNames: string[];
  functionNameMode: FunctionNameMode;
  plan: GenerationPlan;
  prompts: { textbook: { id: number; version: string } | null; exercise: { id: number; version: string } | null };
  model: string;
  temperature: number;
  maxTokens: number;
  count: number;
  concurrency: number;
  total: number;
  generated: number;
  failed: number;
  done: number;
  pending: number;
  requests: number;
  retries: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  estimate: { inputTokens: number; outputTokens: number; costUsd: number };
  /** Synthetic items of the campaign (generated and imported), by review status. */
  items: { total: number; pending: number; approved: number; rejected: number };
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationSeconds: number | null;
  itemsPerSecond: number | null;
  job: GenerationJobView | null;
};

export type GenerationItemView = {
  id: number;
  position: number;
  kind: SyntheticKind;
  topic: string;
  audience: string | null;
  functionName: string | null;
  status: "pending" | "generated" | "failed";
  error: string | null;
  rawReply: string | null;
  attempts: number;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  latencyMs: number | null;
  snippetId: number | null;
  /** true: the reply was identical to a snippet that already existed, and the item links to it. */
  linkedExisting: boolean;
  title: string | null;
  reviewStatus: string | null;
  updatedAt: string;
};

/** A synthetic item that belongs to a campaign (generated or imported). */
export type CampaignMemberView = {
  snippetId: number;
  kind: SyntheticKind;
  topic: string | null;
  audience: string | null;
  functionName: string | null;
  title: string | null;
  externalId: string | null;
  reviewStatus: string;
  execStatus: string | null;
  imported: boolean;
};

/** Coverage of the constraint grid: each cell with how many items were planned, generated and failed. */
export type GridCell = { kind: SyntheticKind; topic: string; audience: string | null; planned: number; generated: number; failed: number };
export type GridCoverage = { cells: GridCell[]; topics: string[]; audiences: (string | null)[]; cellsHit: number; cellsTotal: number };
