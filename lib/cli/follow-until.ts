const NO_WORKER_MS = 10_000;

/**
 * Polls `load` every second until `done`, with one live line on a terminal (a line every 5 s in a log).
 * Warns when no worker picked the job up; returns null on Ctrl-C (the work continues in the background).
 */
export async function followUntil<T>(o: {
  load: () => Promise<T>;
  done: (value: T) => boolean;
  line: (value: T) => string;
  jobOf: (value: T) => { id: number; status: string } | null;
  json: boolean;
  what: string;
}): Promise<T | null> {
  const tty = process.stderr.isTTY === true;
  let interrupted = false;
  const onSignal = () => (interrupted = true);
  process.on("SIGINT", onSignal);
  const started = Date.now();
  let warned = false;
  let lastLine = "";
  let lastPrinted = 0;
  try {
    for (;;) {
      const value = await o.load();
      if (o.done(value)) {
        if (tty) process.stderr.write("\r\x1b[2K");
        return value;
      }
      const job = o.jobOf(value);
      if (!warned && job?.status === "queued" && Date.now() - started > NO_WORKER_MS) {
        warned = true;
        process.stderr.write(`${tty ? "\r\x1b[2K" : ""}No worker has picked up job ${job.id} after ${NO_WORKER_MS / 1000} s: is one running? Start one with \`npx syllabus worker\`.\n`);
      }
      const line = o.line(value);
      if (tty) process.stderr.write(`\r\x1b[2K${line}`);
      else if (!o.json && line !== lastLine && Date.now() - lastPrinted >= 5_000) {
        console.log(line);
        lastPrinted = Date.now();
      }
      lastLine = line;
      if (interrupted) {
        if (tty) process.stderr.write("\r\x1b[2K");
        console.error(`Stopped following; ${o.what} continues in the background.`);
        return null;
      }
      await new Promise((r) => setTimeout(r, 1_000));
    }
  } finally {
    process.off("SIGINT", onSignal);
  }
}
