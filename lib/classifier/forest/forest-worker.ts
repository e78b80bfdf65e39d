/**
 * A tree-growing thread (spawned by train-forest.ts). workerData is the TreeData, its binned matrix and
 * labels backed by SharedArrayBuffers; each { tree } message gets that tree back, its arrays transferred.
 * Relative imports only (see grow-tree.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { growTree, type TreeData } from "./grow-tree";

const port = parentPort;
if (!port) throw new Error("forest-worker.ts runs as a worker thread (see train-forest.ts)");
const data = workerData as TreeData;
port.on("message", (message: { tree: number }) => {
  const tree = growTree(data, message.tree);
  // The tree's arrays are fresh (never shared), so they move to the main thread instead of being copied.
  const transfer = [tree.feature, tree.value, tree.left, tree.importances, tree.oob].flatMap((a) => (a ? [a.buffer as ArrayBuffer] : []));
  port.postMessage({ tree: message.tree, grown: tree }, transfer);
});
port.postMessage({ ready: true });
