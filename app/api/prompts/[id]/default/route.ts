/**
 * POST /api/prompts/:id/default — make this version its task's default (role: admin).
 *   200 { default: { task, version } } · 403 · 404
 */
import { setDefaultPrompt } from "@/lib/llm/prompts/set-default-prompt";
import { route } from "@/lib/http/route";

export const POST = route({ role: "admin" }, async ({ params, user }) => ({
  default: await setDefaultPrompt({ promptId: Number(params.id), userId: user.id }),
}));
