import type { CampaignKind } from "./types";

/** Datasets of these kinds hold synthetic items (a SyntheticItem per snippet); "code" datasets do not. */
export const SYNTHETIC_DATASET_KINDS = ["textbook", "exercise"] as const;

export function isSyntheticDatasetKind(kind: string): kind is (typeof SYNTHETIC_DATASET_KINDS)[number] {
  return (SYNTHETIC_DATASET_KINDS as readonly string[]).includes(kind);
}

/**
 * The kind a new synthetic dataset gets from the campaign or import that creates it. A dataset's kind only
 * says "synthetic" and its main kind; every item carries its own (a mixed campaign's dataset is a textbook
 * dataset holding exercises too).
 */
export function datasetKindFor(kind: CampaignKind): "textbook" | "exercise" {
  return kind === "exercise" ? "exercise" : "textbook";
}
