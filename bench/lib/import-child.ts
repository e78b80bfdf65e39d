/**
 * One measured import in its own process, so peak RSS (maxRSS) belongs to that import alone.
 * usage: tsx bench/lib/import-child.ts <ours|raw> <file> <sqlite-db-path> <batchSize>
 * Prints one JSON line: { mode, records, inserted, seconds, maxRssMb }.
 */
import fs from "node:fs";
import { plainContext } from "@/lib/context";
import { importFile } from "@/lib/corpus/import-file";
import { disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { closeRaw, rawSqlite } from "@/lib/db/raw";
import { rawBaselineImport } from "./raw-baseline";

const [mode, file, dbPath, batchArg] = process.argv.slice(2);
const batchSize = Number(batchArg);
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbPath + suffix, { force: true });
const url = `file:${dbPath}`;
process.env.DATABASE_URL = url;
await migrate(url);

const started = performance.now();
let records: number;
let inserted: number;
if (mode === "ours") {
  const report = await importFile({ dataset: "bench", filePath: file, batchSize }, plainContext());
  if (report.status !== "completed") throw new Error(`import ${report.status}: ${report.fatalError}`);
  ({ records, inserted } = report);
} else {
  ({ records, inserted } = await rawBaselineImport(rawSqlite(), file, batchSize));
}
const seconds = (performance.now() - started) / 1000;
await disconnectDb();
await closeRaw();
console.log(JSON.stringify({ mode, records, inserted, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
