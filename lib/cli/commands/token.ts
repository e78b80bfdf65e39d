import { parseArgs } from "node:util";
import { createApiToken, listApiTokens } from "@/lib/auth/api-tokens";
import { db } from "@/lib/db/client";

const USAGE = `usage:
  syllabus token create --email <email> [--name <name>] [--json]   prints a new personal API token once
  syllabus token list --email <email>`;

export async function run(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const [sub, ...rest] = argv;
  const { values } = parseArgs({ args: rest, options: { email: { type: "string" }, name: { type: "string" }, json: { type: "boolean" } } });
  if (sub !== "create" && sub !== "list") return usage(sub ? `unknown subcommand "${sub}"` : undefined);
  if (!values.email) return usage("--email is required (the token acts as that user, with their role)");
  const user = await db().user.findUnique({ where: { email: values.email.toLowerCase() } });
  if (!user) return usage(`no user with email ${values.email}; create one with: syllabus user create --email …`);
  if (sub === "list") {
    for (const t of await listApiTokens(user.id)) console.log(`${t.prefix}…  ${t.name}  created ${t.createdAt.toISOString()}  last used ${t.lastUsedAt?.toISOString() ?? "never"}`);
    return 0;
  }
  const token = await createApiToken(user.id, values.name ?? `cli ${new Date().toISOString().slice(0, 10)}`);
  if (values.json) console.log(JSON.stringify({ ...token, user: user.email, role: user.role }));
  else {
    console.log(token.token);
    console.error(`token "${token.name}" for ${user.email} (${user.role}); use it as: Authorization: Bearer <token>. It is not shown again.`);
  }
  return 0;
}

function usage(problem?: string): number {
  if (problem) console.error(`syllabus token: ${problem}`);
  console.error(USAGE);
  return 2;
}
