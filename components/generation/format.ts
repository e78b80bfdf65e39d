import type { GenerationStatus } from "@/lib/synthetic/types";

export { fmtInt, fmtTokens, fmtUsd } from "../campaigns/format";

export const ACTIVE_GENERATION: ReadonlySet<GenerationStatus> = new Set(["queued", "running"]);

export const KIND_LABEL: Record<string, string> = { textbook: "Textbook", exercise: "Exercises", mixed: "Mixed" };
