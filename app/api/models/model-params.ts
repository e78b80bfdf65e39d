import { z } from "zod";

/** Path parameter of the model API (`[id]` is a string in the URL): the model's id, not its version. */
export const ZModelParams = z.object({ id: z.coerce.number().int().positive("model ids are positive integers") });
