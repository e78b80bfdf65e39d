// Worker process entry: `npm run worker [-- --concurrency N]`. Goes through the CLI dispatcher, so it is
// exactly `syllabus worker`: same .env loading and DATABASE_URL resolution as the CLI and the web app.
import { main } from "@/lib/cli/main";

process.exit(await main(["worker", ...process.argv.slice(2)]));
