import { seededRandom } from "@/lib/metrics/seeded-random";
import type { SyntheticKind } from "./compose-content";
import { generateFunctionNames } from "./generate-function-names";
import type { CampaignKind, FunctionNameMode, PlannedItem, PlanStrategy } from "./types";

export type PlanInput = {
  kind: CampaignKind;
  topics: readonly string[];
  audiences: readonly string[];
  functionNames: readonly string[];
  functionNameMode: FunctionNameMode;
  count: number;
  strategy: PlanStrategy;
  seed: number;
  /** Share of exercises in a mixed campaign (default 0.5). */
  exerciseShare?: number;
};

type Cell = { topic: string; audience: string | null };

/** The grid of one kind: topics × audiences (an empty audience list is one "no audience" column). */
export function gridCells(topics: readonly string[], audiences: readonly string[]): Cell[] {
  const columns: (string | null)[] = audiences.length ? [...audiences] : [null];
  return topics.flatMap((topic) => columns.map((audience) => ({ topic, audience })));
}

/** How many of `count` items are exercises. */
export function exerciseCount(kind: CampaignKind, count: number, exerciseShare = 0.5): number {
  if (kind === "textbook") return 0;
  if (kind === "exercise") return count;
  return Math.round(count * exerciseShare);
}

/**
 * The items of a campaign, in position order, each with the constraints it will be generated under.
 * Pure and deterministic in its input (the seed included), so a campaign materializes the same plan however
 * often it is computed.
 *
 * - balanced: the grid's cells in a seeded shuffled order; items go round-robin over them, so each cell is
 *   used floor(n / cells) or floor(n / cells) + 1 times and every prefix of the plan is spread evenly;
 * - random: each item draws its cell uniformly (seeded).
 * A mixed campaign plans textbooks and exercises separately over the same grid and interleaves them evenly.
 * Exercises get function names: from the list (shuffled, used round-robin, so each name as evenly as the
 * cells) or generated from each item's topic, unique within the campaign.
 */
export function planGeneration(input: PlanInput): PlannedItem[] {
  const exercises = exerciseCount(input.kind, input.count, input.exerciseShare);
  const textbooks = input.count - exercises;
  const cells = gridCells(input.topics, input.audiences);
  if (cells.length === 0) throw new Error("the constraint grid is empty: give at least one topic");
  // Separate streams per kind: adding exercises to a mixed campaign does not reshuffle its textbooks.
  const textbookCells = drawCells(cells, textbooks, input.strategy, input.seed, 1);
  const exerciseCells = drawCells(cells, exercises, input.strategy, input.seed, 2);
  const names = exerciseNames(input, exerciseCells);

  const items: PlannedItem[] = [];
  let t = 0;
  let e = 0;
  for (let position = 0; position < input.count; position++) {
    // Even interleave: the e-th exercise lands where the running share of exercises crosses e.
    const isExercise = Math.floor(((position + 1) * exercises) / input.count) > Math.floor((position * exercises) / input.count);
    const kind: SyntheticKind = isExercise ? "exercise" : "textbook";
    const cell = isExercise ? exerciseCells[e] : textbookCells[t];
    items.push({ position, kind, topic: cell.topic, audience: cell.audience, functionName: isExercise ? names[e] : null });
    if (isExercise) e++;
    else t++;
  }
  return items;
}

function drawCells(cells: readonly Cell[], n: number, strategy: PlanStrategy, seed: number, stream: number): Cell[] {
  const rng = seededRandom(seed, stream);
  if (strategy === "random") return Array.from({ length: n }, () => cells[rng.int(cells.length)]);
  const order = shuffle(cells, rng);
  return Array.from({ length: n }, (_, i) => order[i % order.length]);
}

function exerciseNames(input: PlanInput, cells: readonly Cell[]): string[] {
  if (input.functionNameMode === "generated") return generateFunctionNames(cells.map((c) => c.topic), input.seed);
  const order = shuffle(input.functionNames, seededRandom(input.seed, 3));
  return cells.map((_, i) => order[i % order.length]);
}

/** Fisher–Yates with a seeded generator; returns a new array. */
export function shuffle<T>(list: readonly T[], rng: { int(n: number): number }): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
