import { z } from "zod";

export const ZImportFileOptionsSchema = z.object({
  /** Dataset name; created (kind "code") when missing. */
  dataset: z.string().trim().min(1, "dataset name is required").max(200),
  filePath: z.string().min(1),
  /** Name shown in reports and used in the resume key; defaults to the file's base name. */
  fileName: z.string().min(1).optional(),
  createdById: z.string().min(1).optional(),
  maxLineBytes: z.number().int().min(16).max(1024 * 1024 * 1024).optional(),
  batchSize: z.number().int().min(1).max(100_000).optional(),
});

export type TImportFileOptions = z.infer<typeof ZImportFileOptionsSchema>;
