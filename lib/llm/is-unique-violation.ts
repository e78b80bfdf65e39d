/** A unique-constraint violation (Prisma P2002): someone else inserted the same key first. */
export function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === "P2002";
}
