/**
 * Child process of forest-threads.test.ts: trains a small forest in two worker threads the way the job
 * worker and the CLI run (`node --import tsx`), and prints the artifact's sha256 as JSON. Relative imports
 * only: the test runs it from another directory, where tsx does not see this repository's "@/" alias.
 */
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import { serializeForest } from "../../lib/classifier/forest/serialize-forest";
import { trainForest } from "../../lib/classifier/forest/train-forest";
import { DEFAULT_FOREST_PARAMS, type ForestParams } from "../../lib/classifier/forest/types";
import { seededRandom } from "../../lib/metrics/seeded-random";

export const CHILD_PARAMS: ForestParams = { ...DEFAULT_FOREST_PARAMS, trees: 16, seed: 9 };

export function childData() {
  const random = seededRandom(77);
  const nRows = 1500;
  const nFeatures = 12;
  const X = Float32Array.from({ length: nRows * nFeatures }, () => random.float());
  const y = Uint8Array.from({ length: nRows }, (_, r) => (X[r * nFeatures + 3] > 0.5 !== X[r * nFeatures + 7] > 0.3 ? 1 : 0));
  return { X, y, nRows, nFeatures };
}

export function forestSha(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await trainForest({ ...childData(), params: CHILD_PARAMS, threads: 2 });
  console.log(JSON.stringify({ sha: forestSha(serializeForest(result.forest)), oob: result.oob }));
}
