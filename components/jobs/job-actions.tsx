"use client";

import { Button } from "../ui/button";
import { useCan } from "../user-context";
import type { JobListItem } from "./types";
import { useCancelJob } from "./use-cancel-job";
import { useRetryJob } from "./use-retry-job";

/** Cancel (queued/running) and retry (failed/cancelled), for admins; errors are shown next to the buttons. */
export function JobActions({ job }: { job: Pick<JobListItem, "id" | "status" | "cancelRequested"> }) {
  const isAdmin = useCan("admin");
  const cancel = useCancelJob();
  const retry = useRetryJob();
  if (!isAdmin) return null;
  const canCancel = (job.status === "queued" || job.status === "running") && !job.cancelRequested;
  const canRetry = job.status === "failed" || job.status === "cancelled";
  const error = cancel.error ?? retry.error;
  return (
    <div className="flex flex-wrap items-center justify-end gap-1.5">
      {canCancel && (
        <Button variant="danger" disabled={cancel.isPending} onClick={() => cancel.mutate(job.id)} data-testid="job-cancel" aria-label={`Cancel job ${job.id}`}>
          {cancel.isPending ? "Cancelling…" : "Cancel"}
        </Button>
      )}
      {canRetry && (
        <Button variant="secondary" disabled={retry.isPending} onClick={() => retry.mutate(job.id)} data-testid="job-retry" aria-label={`Retry job ${job.id}`}>
          {retry.isPending ? "Retrying…" : "Retry"}
        </Button>
      )}
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error.message}
        </span>
      )}
    </div>
  );
}
