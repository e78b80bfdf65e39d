import { listUsers } from "@/lib/auth/users";
import { route } from "@/lib/http/route";

export const GET = route({ role: "admin" }, async () => ({ users: await listUsers() }));
