// Next.js runs register() once when a server instance starts: the web process's single place to validate
// the environment, so a bad value stops the start with a message instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { LlmEnvError, parseLlmEnv } = await import("./lib/llm/llm-env");
  try {
    parseLlmEnv(process.env);
  } catch (e) {
    if (!(e instanceof LlmEnvError)) throw e;
    console.error(`syllabus web: ${e.message}`);
    process.exit(2);
  }
}
