import Link from "next/link";

/** What to do when there is nothing to browse yet. */
export function EmptyDatasets() {
  return (
    <div data-testid="datasets-empty" className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <h2 className="text-base font-semibold text-slate-900">No datasets yet</h2>
      <p className="mx-auto mt-1 max-w-lg text-sm text-slate-600">
        A dataset is created when you import snippets into it: a JSONL, JSONL.gz or Parquet file (The Stack columns, or
        <code className="mx-1 rounded bg-slate-100 px-1 font-mono text-xs">content</code>plus optional metadata).
      </p>
      <div className="mx-auto mt-5 grid max-w-3xl gap-3 text-left sm:grid-cols-2">
        <div className="rounded-md border border-slate-200 p-3">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">From a terminal</p>
          <code className="mt-1.5 block rounded bg-slate-900 px-2.5 py-1.5 font-mono text-xs break-words text-slate-100">
            npx syllabus import &lt;file&gt; --dataset &lt;name&gt;
          </code>
        </div>
        <div className="rounded-md border border-slate-200 p-3">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">In the browser</p>
          <p className="mt-1.5 text-sm text-slate-700">
            Upload a file on the <Link href="/imports" className="font-medium text-indigo-700 hover:underline">Imports</Link> page.
          </p>
        </div>
      </div>
    </div>
  );
}
