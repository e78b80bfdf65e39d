"use client";

import { useEffect, useEffectEvent } from "react";

export type SyntheticKeyHandlers = Partial<{
  approve(): void;
  reject(): void;
  reason(n: number): void;
  edit(): void;
  execute(): void;
  next(): void;
  prev(): void;
  help(): void;
  escape(): void;
  confirm(): void;
  save(): void;
}>;

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The synthetic review keyboard map, on window. Letter and digit keys never fire while typing in a field;
 * Esc, Enter (confirm a rejection) and Ctrl/Cmd+Enter (save an edit) do, since they finish what the field
 * is for. Keys without a handler are left to the browser.
 */
export function useSyntheticKeys(handlers: SyntheticKeyHandlers) {
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    const h = handlers;
    const typing = typingIn(e.target);
    let action: (() => void) | undefined;
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) action = h.save;
    else if (e.key === "Escape") action = h.escape;
    else if (e.key === "Enter" && !e.shiftKey && !(e.target instanceof HTMLTextAreaElement) && !(e.target instanceof HTMLButtonElement)) action = h.confirm;
    else if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    else if (/^[1-6]$/.test(e.key)) action = h.reason && (() => h.reason!(Number(e.key)));
    else if (e.key === "a" || e.key === "A") action = h.approve;
    else if (e.key === "r" || e.key === "R") action = h.reject;
    else if (e.key === "e" || e.key === "E") action = h.edit;
    else if (e.key === "x" || e.key === "X") action = h.execute;
    else if (e.key === "j" || e.key === "J" || e.key === "ArrowRight") action = h.next;
    else if (e.key === "k" || e.key === "K" || e.key === "ArrowLeft") action = h.prev;
    else if (e.key === "?") action = h.help;
    if (!action) return;
    if (e.repeat && e.key !== "j" && e.key !== "k" && !e.key.startsWith("Arrow")) return;
    e.preventDefault();
    action();
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);
}
