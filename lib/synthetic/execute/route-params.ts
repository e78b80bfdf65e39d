import { z } from "zod";

/** Path parameters of the execution run routes. */
export const ZExecRunParams = z.object({ id: z.coerce.number().int().positive("execution run ids are positive integers") });
