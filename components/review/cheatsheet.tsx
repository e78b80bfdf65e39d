"use client";

const KEYS: [string, string][] = [
  ["Enter", "Agree with the LLM score"],
  ["0 – 5", "Your own score"],
  ["S", "Skip (leaves your queue, counts as no label)"],
  ["N", "Add or edit a note (Enter saves, Esc cancels)"],
  ["U / Backspace", "Undo the last action"],
  ["← / →", "Previous / next snippet of this session"],
  ["?", "Show or hide this help"],
];

export function Cheatsheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  if (!open) return null;
  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-slate-900/30 p-4" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="cheatsheet-title"
        className="w-full max-w-md rounded-lg bg-white p-5 shadow-xl"
        onClick={(e) => e.stopPropagation()}
        data-testid="cheatsheet"
      >
        <div className="mb-3 flex items-center justify-between">
          <h2 id="cheatsheet-title" className="text-sm font-semibold text-slate-900">Keyboard shortcuts</h2>
          <button className="text-sm text-slate-500 hover:text-slate-900" onClick={onClose} aria-label="Close help">Esc</button>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {KEYS.map(([k, v]) => (
            <div key={k} className="contents">
              <dt><Kbd>{k}</Kbd></dt>
              <dd className="text-slate-700">{v}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-4 text-xs text-slate-500">Keys are ignored while you type in the note. Labels save in the background; failures stay on screen with a Retry button.</p>
      </div>
    </div>
  );
}

export function Kbd({ children, tone = "light", className = "" }: { children: React.ReactNode; tone?: "light" | "dark"; className?: string }) {
  const colors = tone === "dark" ? "border-white/40 bg-white/15 text-white" : "border-slate-300 bg-slate-50 text-slate-700";
  return <kbd className={`rounded border px-1.5 py-0.5 font-mono text-[11px] ${colors} ${className}`}>{children}</kbd>;
}
