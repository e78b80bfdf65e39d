/** GET /api/imports/:id → { errors: {line, reason}[] (first 1000), errorCount, fatalError } */
import { getImportErrors } from "@/lib/imports/list-imports";
import { notFound } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

export const GET = route({}, async ({ params }) => {
  const result = await getImportErrors(Number(params.id));
  if (!result) throw notFound("no such import");
  return result;
});
