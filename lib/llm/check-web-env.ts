import { LlmEnvError, parseLlmEnv } from "./llm-env";

// Imported once by instrumentation.ts when the web server starts.
try {
  parseLlmEnv(process.env);
} catch (e) {
  if (!(e instanceof LlmEnvError)) throw e;
  console.error(`syllabus web: ${e.message}`);
  process.exit(2);
}
