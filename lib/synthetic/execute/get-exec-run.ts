import { notFound } from "@/lib/http/errors";
import { listExecRuns } from "./list-exec-runs";
import type { ExecRunView } from "./types";

/** One execution run (404 when unknown). */
export async function getExecRun(runId: number): Promise<ExecRunView> {
  const [run] = await listExecRuns({ ids: [runId], limit: 1 });
  if (!run) throw notFound(`no execution run with id ${runId}`);
  return run;
}
