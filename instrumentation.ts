// Next.js runs register() once when a server instance starts: the web process's single place to validate
// the environment, so a bad value stops the start with a message instead of failing on the first request.
// The check lives in a Node-only module so the edge build never sees process.exit.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/llm/check-web-env");
}
