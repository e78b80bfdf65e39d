import { getActiveModel } from "@/lib/classifier/get-active-model";
import type { ReviewClassifier } from "./types";

/** Where P(high) splits high from low when a model has no cut of its own (training always sets one). */
const FALLBACK_CUT = 0.5;

/** The active classifier model's version and cut for the review view, or null before any model is active. */
export async function getReviewClassifier(): Promise<ReviewClassifier | null> {
  const m = await getActiveModel();
  return m ? { version: m.version, cut: m.cut ?? FALLBACK_CUT } : null;
}
