"use client";

import { Kbd } from "@/components/review/cheatsheet";

const KEYS: [string, string][] = [
  ["A", "Approve"],
  ["R", "Reject, then 1–6 for the reason (1 incorrect · 2 off-topic · 3 low quality · 4 duplicate · 5 unsafe · 6 other), an optional note, Enter to confirm"],
  ["E", "Edit (Ctrl/Cmd+Enter saves a new version, Esc cancels)"],
  ["X", "Execute now in the sandbox"],
  ["J / →", "Next item"],
  ["K / ←", "Previous item"],
  ["?", "Show or hide this help"],
  ["Esc", "Close, cancel"],
];

export function SyntheticCheatsheet({ open, onClose, queue }: { open: boolean; onClose: () => void; queue: boolean }) {
  if (!open) return null;
  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-slate-900/30 p-4" onClick={onClose}>
      <div role="dialog" aria-modal="true" aria-labelledby="syn-keys-title" className="w-full max-w-lg rounded-lg bg-white p-5 shadow-xl" onClick={(e) => e.stopPropagation()} data-testid="cheatsheet">
        <div className="mb-3 flex items-center justify-between">
          <h2 id="syn-keys-title" className="text-sm font-semibold text-slate-900">Keyboard shortcuts</h2>
          <button className="text-sm text-slate-500 hover:text-slate-900" onClick={onClose} aria-label="Close help">Esc</button>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {KEYS.filter(([k]) => queue || !/^[JK]/.test(k)).map(([k, v]) => (
            <div key={k} className="contents">
              <dt><Kbd>{k}</Kbd></dt>
              <dd className="text-slate-700">{v}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-4 text-xs text-slate-500">Letter keys are ignored while you type in a field. Each reviewer has one decision per item; deciding again changes yours.</p>
      </div>
    </div>
  );
}
