import { z } from "zod";
import { createApiToken, listApiTokens } from "@/lib/auth/api-tokens";
import { route } from "@/lib/http/route";

export const GET = route({}, async ({ user }) => ({ tokens: await listApiTokens(user.id) }));

export const POST = route({ body: z.object({ name: z.string().trim().min(1).max(80) }) }, async ({ user, body }) =>
  createApiToken(user.id, body.name),
);
