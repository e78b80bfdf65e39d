"use client";

import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { useTestLlmConnection } from "./use-test-llm-connection";

const TASKS = { label: "Labeling", generate: "Generation", embed: "Embeddings" } as const;

/** "Test connection" against the saved settings, with latency and whether each model exists there. */
export function ConnectionTest({ disabled }: { disabled: boolean }) {
  const test = useTestLlmConnection();
  const r = test.data;
  return (
    <div className="space-y-2" data-testid="connection-test">
      <Button type="button" variant="secondary" onClick={() => test.mutate()} disabled={disabled || test.isPending} data-testid="test-connection">
        {test.isPending ? "Testing…" : "Test connection"}
      </Button>
      {disabled && <p className="text-xs text-slate-500">Save your changes first: the test uses the saved settings.</p>}
      {test.error && <Alert tone="error">{test.error.message}</Alert>}
      {r && (
        <div data-testid="connection-result" data-ok={r.ok ? "true" : "false"}>
          {r.ok ? (
            <Alert tone="success">
              Connected to <span className="font-mono">{r.endpoint}</span> in {r.latencyMs} ms ({r.via === "models" ? "listed models" : "a 1-token chat request; the server does not list models"}).
            </Alert>
          ) : (
            <Alert tone="error">
              Could not use <span className="font-mono">{r.endpoint}</span>: {r.error}
            </Alert>
          )}
          {r.ok && (
            <ul className="mt-2 space-y-0.5 text-sm">
              {(Object.keys(TASKS) as (keyof typeof TASKS)[]).map((task) => {
                const m = r.models[task];
                return (
                  <li key={task} className="flex gap-2">
                    <span className="w-24 text-slate-500">{TASKS[task]}</span>
                    <span className="font-mono text-xs">{m.name}</span>
                    <span className={m.listed === false ? "text-amber-700" : m.listed ? "text-emerald-700" : "text-slate-400"}>
                      {m.listed === null ? "not checked" : m.listed ? "available" : "not listed by the server"}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
