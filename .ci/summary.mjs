// Adds up the vitest JSON reports into the one plain closing line CI reads.
import fs from "node:fs";

let passed = 0, failed = 0, skipped = 0;
for (const f of ["vitest-postgres.json", "vitest-sqlite.json", "playwright.json"]) {
  const file = `.ci/out/${f}`;
  if (!fs.existsSync(file)) continue;
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  if (r.numPassedTests !== undefined) {
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    console.log(`${f}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
  } else if (r.stats) {
    passed += r.stats.expected;
    failed += r.stats.unexpected;
    skipped += r.stats.skipped;
    console.log(`${f}: ${r.stats.expected} passed, ${r.stats.unexpected} failed, ${r.stats.skipped} skipped, ${r.stats.flaky} flaky`);
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
