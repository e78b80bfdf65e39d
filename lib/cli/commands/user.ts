import { parseArgs } from "node:util";
import { ZRole } from "@/lib/auth/roles";
import { createUser, listUsers, setUserRole } from "@/lib/auth/users";
import { db } from "@/lib/db/client";

const USAGE = `usage:
  syllabus user create --email <email> [--role admin|annotator|viewer] [--name <name>] [--password <pw>]
      (without --password, reads it from SYLLABUS_PASSWORD or prints a generated one)
  syllabus user list [--json]
  syllabus user role --email <email> --role admin|annotator|viewer`;

export async function run(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const [sub, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" }, json: { type: "boolean" } },
  });
  if (sub === "create") {
    if (!values.email) return usage("--email is required");
    const role = ZRole.safeParse(values.role ?? "annotator");
    if (!role.success) return usage(`unknown role "${values.role}"`);
    const generated = !values.password && !process.env.SYLLABUS_PASSWORD;
    const password = values.password ?? process.env.SYLLABUS_PASSWORD ?? crypto.randomUUID().replace(/-/g, "").slice(0, 16);
    const user = await createUser({ email: values.email, role: role.data, name: values.name, password });
    console.log(`created ${user.email} (${user.role})${user.role !== role.data ? " — the first account is always admin" : ""}`);
    if (generated) console.log(`password: ${password}`);
    return 0;
  }
  if (sub === "list") {
    const users = await listUsers();
    if (values.json) console.log(JSON.stringify(users, null, 2));
    else for (const u of users) console.log(`${u.role.padEnd(10)} ${u.email}  (${u.name})`);
    return 0;
  }
  if (sub === "role") {
    const role = ZRole.safeParse(values.role);
    if (!values.email || !role.success) return usage("--email and a valid --role are required");
    const user = await db().user.findUnique({ where: { email: values.email.toLowerCase() } });
    if (!user) return usage(`no user with email ${values.email}`);
    await setUserRole(user.id, role.data);
    console.log(`${user.email} is now ${role.data}`);
    return 0;
  }
  return usage(sub ? `unknown subcommand "${sub}"` : undefined);
}

function usage(problem?: string): number {
  if (problem) console.error(`syllabus user: ${problem}`);
  console.error(USAGE);
  return 2;
}
