import Link from "next/link";
import type { Queue } from "@/lib/labels/queues";
import { QUEUE_INFO, QUEUES } from "./queue-info";

export function QueueTabs({ datasetId, queue }: { datasetId: number; queue: Queue }) {
  return (
    <nav className="flex rounded-md bg-slate-100 p-0.5 text-xs" aria-label="Review queue">
      {QUEUES.map((q) => (
        <Link
          key={q}
          href={`/review/${datasetId}?queue=${q}`}
          aria-current={q === queue ? "page" : undefined}
          title={QUEUE_INFO[q].description}
          data-testid={`queue-${q}`}
          className={`rounded px-2.5 py-1 whitespace-nowrap ${q === queue ? "bg-white font-medium text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"}`}
        >
          {QUEUE_INFO[q].title}
        </Link>
      ))}
    </nav>
  );
}
