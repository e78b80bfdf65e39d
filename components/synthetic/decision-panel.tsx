import { Kbd } from "@/components/review/cheatsheet";
import { REASON_CODES, REASON_LABELS, type ReasonCode, type ReviewItem } from "@/lib/synthetic/review/types";

const STATUS_STYLE = { pending: "bg-slate-100 text-slate-700", approved: "bg-emerald-100 text-emerald-800", rejected: "bg-red-100 text-red-800" } as const;

export type RejectDraft = { reason: ReasonCode | null; note: string };

/**
 * The review decision: the item's status (the latest decision), approve / reject buttons, the reason picker
 * with an optional note while rejecting, and every reviewer's decision.
 */
export function DecisionPanel(p: {
  item: ReviewItem;
  canDecide: boolean;
  saving: boolean;
  rejecting: RejectDraft | null;
  onApprove: () => void;
  onReject: () => void;
  onReason: (r: ReasonCode) => void;
  onNote: (note: string) => void;
  onConfirm: () => void;
  onCancel: () => void;
  onWithdraw: () => void;
}) {
  const { item, rejecting } = p;
  return (
    <section className="rounded-lg border border-slate-200 bg-white shadow-sm" aria-label="Review decision" data-testid="decision-panel">
      <header className="flex items-center gap-2 border-b border-slate-100 px-4 py-2">
        <h2 className="text-sm font-semibold text-slate-800">Review</h2>
        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[item.review.status]}`} data-testid="review-status" data-status={item.review.status}>
          {item.review.status}
          {item.review.reasonCode ? ` · ${REASON_LABELS[item.review.reasonCode]}` : ""}
        </span>
        {item.review.by && <span className="truncate text-xs text-slate-500">by {item.review.by.name}</span>}
      </header>
      <div className="space-y-3 px-4 py-3">
        {p.canDecide ? (
          <div className="flex gap-2">
            <button className="flex-1 rounded-md bg-emerald-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-500 disabled:opacity-50" onClick={p.onApprove} disabled={p.saving} data-testid="approve-button" aria-label="Approve (a)">
              Approve <Kbd tone="dark">a</Kbd>
            </button>
            <button className="flex-1 rounded-md bg-white px-3 py-1.5 text-sm font-medium text-red-700 ring-1 ring-red-300 hover:bg-red-50 disabled:opacity-50" onClick={p.onReject} disabled={p.saving} data-testid="reject-button" aria-label="Reject (r)">
              Reject <Kbd>r</Kbd>
            </button>
          </div>
        ) : (
          <p className="text-xs text-slate-500">Viewers can read; deciding needs the annotator role.</p>
        )}
        {rejecting && (
          <div className="space-y-2 rounded-md bg-red-50/60 p-2.5 ring-1 ring-red-200" role="group" aria-label="Rejection reason" data-testid="reason-picker">
            <p className="text-xs font-medium text-red-900">Why? Press 1–6, add a note if useful, Enter to confirm, Esc to cancel.</p>
            <div className="grid grid-cols-2 gap-1.5">
              {REASON_CODES.map((code, i) => (
                <button
                  key={code}
                  onClick={() => p.onReason(code)}
                  aria-pressed={rejecting.reason === code}
                  data-testid={`reason-${code}`}
                  className={`flex items-center gap-1.5 rounded px-2 py-1 text-left text-xs ring-1 ${rejecting.reason === code ? "bg-red-600 text-white ring-red-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
                >
                  <Kbd tone={rejecting.reason === code ? "dark" : "light"}>{i + 1}</Kbd> {REASON_LABELS[code]}
                </button>
              ))}
            </div>
            <input
              className="block w-full rounded-md border-0 bg-white px-2 py-1 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-red-500 focus:outline-none"
              placeholder="Note (optional)"
              value={rejecting.note}
              onChange={(e) => p.onNote(e.target.value)}
              maxLength={2000}
              aria-label="Rejection note"
              data-testid="reject-note"
            />
            <div className="flex justify-end gap-2">
              <button className="rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-100" onClick={p.onCancel} data-testid="reject-cancel">Cancel</button>
              <button className="rounded bg-red-600 px-2 py-1 text-xs font-medium text-white hover:bg-red-500 disabled:opacity-50" onClick={p.onConfirm} disabled={!rejecting.reason || p.saving} data-testid="reject-confirm">
                Reject <Kbd tone="dark">Enter</Kbd>
              </button>
            </div>
          </div>
        )}
        {item.decisions.length > 0 && (
          <ul className="space-y-1 text-xs" data-testid="decisions">
            {item.decisions.map((d) => (
              <li key={d.user.id} className="flex items-baseline gap-1.5" data-testid="decision">
                <span className={d.decision === "approved" ? "text-emerald-700" : "text-red-700"}>{d.decision === "approved" ? "✓" : "✗"}</span>
                <span className="font-medium text-slate-700">{d.user.name}</span>
                <span className="text-slate-500">
                  {d.decision}
                  {d.reasonCode ? ` (${REASON_LABELS[d.reasonCode]})` : ""} · v{d.version}
                  {d.version !== item.version ? " (older version)" : ""}
                </span>
                {d.note && <span className="truncate text-slate-600" title={d.note}>“{d.note}”</span>}
              </li>
            ))}
          </ul>
        )}
        {item.mine && p.canDecide && (
          <button className="text-xs text-slate-500 underline hover:text-slate-800" onClick={p.onWithdraw} disabled={p.saving} data-testid="withdraw-button">
            Withdraw my decision
          </button>
        )}
      </div>
    </section>
  );
}
