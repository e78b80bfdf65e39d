import { revokeApiToken } from "@/lib/auth/api-tokens";
import { notFound } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

export const DELETE = route({}, async ({ user, params }) => {
  if (!(await revokeApiToken(user.id, String(params.id)))) throw notFound("no such token");
  return { ok: true };
});
