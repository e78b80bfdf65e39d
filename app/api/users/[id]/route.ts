import { z } from "zod";
import { ZRole } from "@/lib/auth/roles";
import { setUserRole } from "@/lib/auth/users";
import { badRequest } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

export const PATCH = route({ role: "admin", body: z.object({ role: ZRole }) }, async ({ params, body }) => {
  try {
    const user = await setUserRole(String(params.id), body.role);
    return { id: user.id, role: user.role };
  } catch (e) {
    throw badRequest((e as Error).message);
  }
});
