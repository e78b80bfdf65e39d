import { z } from "zod";
import { currentUser } from "@/lib/auth/current-user";
import { hasRole, type CurrentUser, type Role } from "@/lib/auth/roles";
import { HttpError } from "./errors";
import { isCrossSite } from "./same-origin";

type Params = Record<string, string | string[] | undefined>;

type Options<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = {
  /** Minimum role. Default: "viewer" (any signed-in user). */
  role?: Role;
  body?: B;
  query?: Q;
};

type Args<B, Q, U> = {
  req: Request;
  user: U;
  body: B extends z.ZodType ? z.infer<B> : undefined;
  query: Q extends z.ZodType ? z.infer<Q> : undefined;
  params: Params;
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The one wrapper every JSON route goes through: cross-site check, authentication, role, zod parsing of
 * query and body, and mapping of errors to user-safe JSON ({ error, details? }). Handlers return a plain
 * value (sent as JSON) or a Response.
 */
export function route<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  options: Options<B, Q>,
  handler: (args: Args<B, Q, CurrentUser>) => Promise<unknown>,
) {
  return async (req: Request, ctx: { params: Promise<Params> }): Promise<Response> => {
    try {
      const bearer = req.headers.has("authorization");
      if (!SAFE_METHODS.has(req.method) && !bearer && isCrossSite(req)) {
        throw new HttpError(403, "cross-site request rejected");
      }
      const role = options.role ?? "viewer";
      const user = await currentUser(req.headers);
      if (!user) throw new HttpError(401, "sign in first (or send Authorization: Bearer <api token>)");
      if (!hasRole(user.role, role)) throw new HttpError(403, `this needs the ${role} role; you are ${user.role}`);
      const url = new URL(req.url);
      const query = options.query ? options.query.parse(Object.fromEntries(url.searchParams)) : undefined;
      let body: unknown;
      if (options.body) {
        let json: unknown;
        try {
          json = await req.json();
        } catch {
          throw new HttpError(400, "request body must be JSON");
        }
        body = options.body.parse(json);
      }
      const result = await handler({ req, user, body, query, params: (await ctx.params) ?? {} } as Args<B, Q, CurrentUser>);
      if (result instanceof Response) return result;
      return Response.json(result ?? { ok: true });
    } catch (e) {
      return errorResponse(e);
    }
  };
}

export function errorResponse(e: unknown): Response {
  if (e instanceof HttpError) return Response.json({ error: e.message, details: e.details }, { status: e.status });
  if (e instanceof z.ZodError) {
    const message = e.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
    return Response.json({ error: message, details: e.issues }, { status: 400 });
  }
  console.error("[api] unhandled error", e);
  return Response.json({ error: "internal error; see the server log" }, { status: 500 });
}
