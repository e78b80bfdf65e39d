import { disconnectDb } from "../../lib/db/client";
import { loadSampleData } from "./load-sample";

// `npm run db:seed`: (re)loads the sample datasets. Idempotent: snippets already there are skipped as duplicates.
const report = await loadSampleData({ force: true });
console.log(`sample dataset: ${report?.inserted ?? 0} new snippet(s), ${report?.duplicates ?? 0} already present`);
console.log(`sample-synthetic dataset: ${report?.synthetic.inserted ?? 0} new item(s), ${report?.synthetic.duplicates ?? 0} already present`);
await disconnectDb();
