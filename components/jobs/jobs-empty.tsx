import Link from "next/link";

/** What creates jobs, for an empty queue. */
export function JobsEmpty() {
  return (
    <div data-testid="jobs-empty" className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <h2 className="text-base font-semibold text-slate-900">No jobs yet</h2>
      <p className="mx-auto mt-1 max-w-xl text-sm text-slate-600">
        Long tasks run as background jobs: an import from the <Link href="/imports" className="font-medium text-indigo-700 hover:underline">Imports</Link> page
        or <code className="rounded bg-slate-100 px-1 font-mono text-xs">npx syllabus import</code>, and an LLM labeling campaign from the{" "}
        <Link href="/campaigns" className="font-medium text-indigo-700 hover:underline">LLM labels</Link> page or{" "}
        <code className="rounded bg-slate-100 px-1 font-mono text-xs">npx syllabus label</code>. They show up here with their progress.
      </p>
      <p className="mx-auto mt-2 max-w-xl text-sm text-slate-600">
        A worker runs them: <code className="rounded bg-slate-100 px-1 font-mono text-xs">npm start</code> starts one with the web app; add more with{" "}
        <code className="rounded bg-slate-100 px-1 font-mono text-xs">npx syllabus worker</code>.
      </p>
    </div>
  );
}
