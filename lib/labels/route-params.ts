import { z } from "zod";

/** Path parameters of the review API (`[datasetId]`, `[id]`, `[snippetId]` are strings in the URL). */
export const ZId = z.coerce.number().int().positive();
export const ZDatasetParams = z.object({ datasetId: ZId });
export const ZDatasetSnippetParams = z.object({ datasetId: ZId, id: ZId });
export const ZSnippetParams = z.object({ snippetId: ZId });
