import { disconnectDb } from "../../lib/db/client";
import { loadSampleData } from "./load-sample";

// `npm run db:seed`: (re)loads the sample dataset. Idempotent: snippets already there are skipped as duplicates.
const report = await loadSampleData({ force: true });
console.log(`sample dataset: ${report?.inserted ?? 0} new snippet(s), ${report?.duplicates ?? 0} already present`);
await disconnectDb();
