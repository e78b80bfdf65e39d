import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * Starts a worker thread running a TypeScript module. Under Node 20, loader hooks registered with
 * `--import tsx` do not reach worker threads, so a small bootstrap registers tsx's require hooks in the
 * thread and then loads the module; its imports go through the same hooks, so they must be relative (the
 * `@/` alias is not resolved there). Only the worker process and the CLI start threads; the web build
 * keeps tsx external (next.config.ts).
 */
export function startTsWorker(entry: URL, options: { workerData?: unknown } = {}): Worker {
  const tsxApi = createRequire(import.meta.url).resolve("tsx/cjs/api");
  const bootstrap = `require(${JSON.stringify(tsxApi)}).register(); require(${JSON.stringify(fileURLToPath(entry))});`;
  return new Worker(bootstrap, { eval: true, workerData: options.workerData, execArgv: [] });
}
