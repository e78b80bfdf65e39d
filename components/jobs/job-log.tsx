"use client";

import { useEffect, useRef } from "react";
import type { JobLogView } from "./types";

const LEVEL_STYLE: Record<JobLogView["level"], string> = { info: "text-slate-200", warn: "text-amber-300", error: "text-red-300" };

/**
 * The job's log, newest at the bottom. It follows new lines while the reader is at the bottom and stays put
 * when they scrolled up to read.
 */
export function JobLog({ jobId, logs, earlier, live }: { jobId: number; logs: JobLogView[]; earlier: boolean; live: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const last = logs.at(-1)?.id;
  useEffect(() => {
    if (pinned.current && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [last]);

  if (logs.length === 0) {
    return <p className="text-sm text-slate-500" data-testid="job-log-empty">{live ? "No log lines yet; they appear here as the job writes them." : "This job wrote no log lines."}</p>;
  }
  return (
    <div
      ref={box}
      role="log"
      aria-label="Job log"
      aria-live={live ? "polite" : "off"}
      tabIndex={0}
      onScroll={(e) => {
        const el = e.currentTarget;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
      }}
      className="max-h-[28rem] overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-5 focus-visible:outline-2 focus-visible:outline-indigo-600"
      data-testid="job-log"
    >
      {earlier && <div className="text-slate-500">… earlier lines not shown here (the terminal prints up to 2000: npx syllabus jobs show {jobId} --lines 2000)</div>}
      {logs.map((l) => (
        <div key={l.id} className="flex gap-3" data-testid="job-log-line">
          <span className="shrink-0 text-slate-500" title={l.createdAt}>{new Date(l.createdAt).toLocaleTimeString()}</span>
          <span className="shrink-0 text-slate-500" title={`attempt ${l.attempt}`}>#{l.attempt}</span>
          <span className={`break-words whitespace-pre-wrap ${LEVEL_STYLE[l.level]}`}>{l.message}</span>
        </div>
      ))}
    </div>
  );
}
