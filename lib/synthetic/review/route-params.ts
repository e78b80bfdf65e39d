import { z } from "zod";

/** Path parameters of the synthetic item routes (`[id]` is the item's snippet id, `[version]` a version). */
export const ZItemParams = z.object({ id: z.coerce.number().int().positive("item ids are positive integers (the snippet id)") });
export const ZItemVersionParams = ZItemParams.extend({ version: z.coerce.number().int().positive("versions are positive integers") });
