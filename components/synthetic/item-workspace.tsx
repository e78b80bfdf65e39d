"use client";

import { useState } from "react";
import { ApiError } from "@/components/api";
import { useCan } from "@/components/user-context";
import { REASON_CODES, type ReviewItem } from "@/lib/synthetic/review/types";
import { SyntheticCheatsheet } from "./cheatsheet";
import { DecisionPanel, type RejectDraft } from "./decision-panel";
import { EditForm, type EditDraft } from "./edit-form";
import { ExecPanel, type ExecState } from "./exec-panel";
import { HistoryPanel, VersionView } from "./history-panel";
import { ItemContent } from "./item-content";
import { ItemFacts } from "./item-facts";
import { syntheticApi } from "./synthetic-api";
import { useSyntheticKeys } from "./use-synthetic-keys";

export type WorkspaceProps = {
  item: ReviewItem;
  /** A newer state of the item from the server (after a decision, an edit, an execution). */
  onItem: (item: ReviewItem) => void;
  /** After a decision was saved (the queue moves on). */
  onDecided?: (item: ReviewItem) => void;
  exec: ExecState;
  onExecute: () => void;
  /** Queue navigation; absent on the standalone item page. */
  nav?: { next: () => void; prev: () => void };
  help: boolean;
  setHelp: (open: boolean) => void;
  /** Shown above the content (e.g. a message from the queue). */
  flash?: React.ReactNode;
};

/**
 * One synthetic item with everything a reviewer does to it, keyboard-first: approve (a), reject with a
 * reason (r, 1–6, Enter), edit (e; Ctrl/Cmd+Enter saves a new version, Esc cancels), execute (x), the
 * version history, and, in the queue, next/previous (j/k). Used by the review queue and the item page.
 */
export function ItemWorkspace({ item, onItem, onDecided, exec, onExecute, nav, help, setHelp, flash }: WorkspaceProps) {
  const canDecide = useCan("annotator");
  const [rejecting, setRejecting] = useState<RejectDraft | null>(null);
  const [editing, setEditing] = useState<EditDraft | null>(null);
  const [editError, setEditError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [shownAt] = useState(() => Date.now());

  async function decide(decision: "approved" | "rejected", draft?: RejectDraft) {
    if (!canDecide || saving) return;
    setSaving(true);
    setProblem(null);
    try {
      const { item: updated } = await syntheticApi.decide(item.snippetId, {
        decision,
        ...(decision === "rejected" ? { reasonCode: draft!.reason!, note: draft!.note || null } : {}),
        version: item.version,
        timeSpentMs: Math.min(Date.now() - shownAt, 600_000),
      });
      setRejecting(null);
      onItem(updated);
      onDecided?.(updated);
    } catch (e) {
      setProblem(e instanceof ApiError && e.status === 409 ? `${e.message}. Reloaded the current version.` : (e as Error).message);
      if (e instanceof ApiError && e.status === 409) syntheticApi.item(item.snippetId).then((r) => onItem(r.item), () => {});
    } finally {
      setSaving(false);
    }
  }

  async function saveEdit() {
    if (!editing || saving) return;
    setSaving(true);
    setEditError(null);
    try {
      const { item: updated } = await syntheticApi.edit(item.snippetId, editing);
      setEditing(null);
      onItem(updated);
    } catch (e) {
      setEditError((e as Error).message);
    } finally {
      setSaving(false);
    }
  }

  const startEdit = () => {
    if (!canDecide) return;
    setRejecting(null);
    setViewing(null);
    setEditError(null);
    setEditing({ baseVersion: item.version, parts: { ...item.parts } });
  };

  useSyntheticKeys(
    help
      ? { help: () => setHelp(false), escape: () => setHelp(false) }
      : editing
        ? { save: () => void saveEdit(), escape: () => setEditing(null) }
        : rejecting
          ? {
              reason: (n) => setRejecting({ ...rejecting, reason: REASON_CODES[n - 1] }),
              confirm: () => rejecting.reason && void decide("rejected", rejecting),
              escape: () => setRejecting(null),
              help: () => setHelp(true),
            }
          : {
              approve: () => void decide("approved"),
              reject: () => canDecide && setRejecting({ reason: null, note: "" }),
              edit: startEdit,
              execute: () => canDecide && onExecute(),
              next: nav?.next,
              prev: nav?.prev,
              help: () => setHelp(true),
              escape: () => {
                setViewing(null);
                setProblem(null);
              },
            },
  );

  return (
    <>
      <div className="sr-only" aria-live="polite">{`Item ${item.snippetId}, ${item.kind}, ${item.review.status}`}</div>
      {flash}
      {problem && (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200" role="alert" data-testid="decision-error">
          {problem}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-3" data-testid="synthetic-item" data-snippet-id={item.snippetId} data-kind={item.kind} data-version={item.version}>
        <div className="min-w-0 space-y-3 lg:col-span-2">
          {editing ? (
            <EditForm item={item} draft={editing} saving={saving} error={editError} onChange={(parts) => setEditing({ ...editing, parts })} onSave={() => void saveEdit()} onCancel={() => setEditing(null)} />
          ) : viewing !== null ? (
            <VersionView snippetId={item.snippetId} version={viewing} onClose={() => setViewing(null)} />
          ) : (
            <ItemContent item={item} />
          )}
        </div>
        <div className="min-w-0 space-y-3">
          <DecisionPanel
            item={item}
            canDecide={canDecide}
            saving={saving}
            rejecting={rejecting}
            onApprove={() => void decide("approved")}
            onReject={() => setRejecting({ reason: null, note: "" })}
            onReason={(reason) => rejecting && setRejecting({ ...rejecting, reason })}
            onNote={(note) => rejecting && setRejecting({ ...rejecting, note })}
            onConfirm={() => rejecting?.reason && void decide("rejected", rejecting)}
            onCancel={() => setRejecting(null)}
            onWithdraw={() => {
              setSaving(true);
              syntheticApi
                .withdraw(item.snippetId)
                .then((r) => onItem(r.item), (e) => setProblem((e as Error).message))
                .finally(() => setSaving(false));
            }}
          />
          <ItemFacts item={item} />
          <ExecPanel item={item} state={exec} canRun={canDecide} onRun={onExecute} />
          {canDecide && !editing && (
            <button className="w-full rounded-md px-3 py-1.5 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50" onClick={startEdit} data-testid="edit-button" aria-label="Edit (e)">
              Edit this item (e)
            </button>
          )}
          <HistoryPanel item={item} viewing={viewing} onView={setViewing} />
        </div>
      </div>
      <SyntheticCheatsheet open={help} onClose={() => setHelp(false)} queue={nav !== undefined} />
    </>
  );
}
