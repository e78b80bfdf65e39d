import { ensureClients } from "../../prisma/scripts/db-generate";

export default function setup() {
  ensureClients();
}
