import { z } from "zod";

/** Path parameters of the jobs API (`[id]` is a string in the URL). */
export const ZJobParams = z.object({ id: z.coerce.number().int().positive("job ids are positive integers") });
