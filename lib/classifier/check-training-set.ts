import type { ModelDataSnapshot } from "./types";

export const MIN_TRAINING_ROWS = 20;

/** A training set a forest cannot learn from (too few rows, one class): retrying will not help. */
export class TrainingSetError extends Error {
  override name = "TrainingSetError";
}

/** Refuses a training set before any tree is grown. */
export function checkTrainingSet(snapshot: Pick<ModelDataSnapshot, "rows" | "positives" | "negatives">, folds: number): void {
  const { rows, positives, negatives } = snapshot;
  if (rows < MIN_TRAINING_ROWS || positives < folds || negatives < folds) {
    throw new TrainingSetError(
      `need labeled snippets of both classes: ${positives} high, ${negatives} low (at least ${MIN_TRAINING_ROWS} in all and ${folds} of each class for ${folds}-fold cross-validation)`,
    );
  }
}
