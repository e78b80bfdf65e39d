import { parseArgs } from "node:util";
import { startFakeOpenAI } from "./server";

/**
 * Standalone fake OpenAI server, for e2e tests and manual runs:
 *   npx tsx test/fake-openai/cli.ts --port 4010 [--latency-ms N] [--api-key K] [--batch-polls N]
 * Prints the base URL on its first line and runs until SIGTERM or SIGINT.
 */
const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    "latency-ms": { type: "string", default: "0" },
    "api-key": { type: "string" },
    "batch-polls": { type: "string", default: "2" },
  },
});

function intArg(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a non-negative integer, got "${value}"`);
    process.exit(2);
  }
  return n;
}

const server = await startFakeOpenAI({
  port: intArg("port", values.port),
  latencyMs: intArg("latency-ms", values["latency-ms"]),
  apiKey: values["api-key"] ?? null,
  batchPollsToComplete: intArg("batch-polls", values["batch-polls"]),
});
console.log(server.baseURL);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
