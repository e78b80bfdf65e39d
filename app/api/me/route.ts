import { route } from "@/lib/http/route";

export const GET = route({}, async ({ user }) => ({ user }));
