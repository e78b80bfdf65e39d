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
  /**
   * Import synthetic items: the default kind of the records (a record's own `kind` wins). The dataset is
   * created as a textbook/exercise dataset, or must be one. Without it, a textbook/exercise dataset still
   * imports synthetic items (default kind: the dataset's).
   */
  kind: z.enum(["textbook", "exercise"]).optional(),
  /** Synthetic imports: the generation campaign (id or name; a new import campaign by that name if none). */
  campaign: z.union([z.number().int().positive(), z.string().trim().min(1).max(200)]).optional(),
});

export type TImportFileOptions = z.infer<typeof ZImportFileOptionsSchema>;
