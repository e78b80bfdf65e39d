import { migrate } from "../../lib/db/migrate";
import { databaseUrl } from "../../lib/db/url";

const url = databaseUrl();
const result = await migrate(url);
const where = url.replace(/:[^:@/]*@/, ":***@");
console.log(
  result.applied.length
    ? `applied ${result.applied.length} migration(s) to ${where}: ${result.applied.join(", ")}`
    : `${where} is up to date (${result.alreadyApplied} migration(s))`,
);
