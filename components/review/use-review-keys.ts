"use client";

import { useEffect, useEffectEvent } from "react";

export type ReviewKeyHandlers = {
  agree(): void;
  score(n: number): void;
  skip(): void;
  note(): void;
  undo(): void;
  prev(): void;
  next(): void;
  help(): void;
  escape(): void;
};

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The review view's keyboard map, on window. Never fires while typing in a field (the note), with a
 * modifier held (browser shortcuts), or on key auto-repeat for actions that write. Handled keys call
 * preventDefault, so Enter on a focused button does not also click it.
 */
export function useReviewKeys(handlers: ReviewKeyHandlers) {
  // An effect event: the listener is attached once and always sees the latest handlers.
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
    const h = handlers;
    const writes = (fn: () => void) => () => !e.repeat && fn();
    const action: (() => void) | undefined =
      e.key === "Enter" ? writes(h.agree)
      : /^[0-5]$/.test(e.key) ? writes(() => h.score(Number(e.key)))
      : e.key === "s" || e.key === "S" ? writes(h.skip)
      : e.key === "n" || e.key === "N" ? h.note
      : e.key === "u" || e.key === "U" || e.key === "Backspace" ? writes(h.undo)
      : e.key === "ArrowLeft" ? h.prev
      : e.key === "ArrowRight" ? h.next
      : e.key === "?" ? h.help
      : e.key === "Escape" ? h.escape
      : undefined;
    if (!action) return;
    e.preventDefault();
    action();
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);
}
