"use client";

import { useState } from "react";
import type { ModelPriceView } from "@/lib/llm/pricing/price";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";
import { useDeletePrice } from "./use-delete-price";
import { usePrices } from "./use-prices";
import { useSavePrice } from "./use-save-price";

const EMPTY = { model: "", inputPerMTok: "", outputPerMTok: "", batchFactor: "0.5" };

/** The price table behind cost estimates and campaign spend. */
export function PriceTable() {
  const prices = usePrices();
  const save = useSavePrice();
  const remove = useDeletePrice();
  const [form, setForm] = useState(EMPTY);

  const numbers = { inputPerMTok: Number(form.inputPerMTok), outputPerMTok: Number(form.outputPerMTok), batchFactor: Number(form.batchFactor) };
  const problem = !form.model.trim()
    ? null
    : [form.inputPerMTok, form.outputPerMTok, form.batchFactor].some((v) => v.trim() === "" || !Number.isFinite(Number(v)))
      ? "Enter numbers for the input price, the output price and the batch factor."
      : numbers.batchFactor < 0 || numbers.batchFactor > 1
        ? "The batch factor is a share of the price, from 0 to 1."
        : null;

  const edit = (p: ModelPriceView) => setForm({ model: p.model, inputPerMTok: String(p.inputPerMTok), outputPerMTok: String(p.outputPerMTok), batchFactor: String(p.batchFactor) });

  return (
    <div className="space-y-3" data-testid="price-table">
      <p className="text-sm text-slate-600">
        Editable list prices in <strong>USD per 1M tokens</strong>, used for cost estimates and campaign spend. Check them against your provider: prices change.
        The batch factor is the share charged through the Batch API (OpenAI: 0.5). A model missing here counts as $0 and is flagged &ldquo;price unknown&rdquo;.
      </p>
      {prices.error && <Alert tone="error">{prices.error.message}</Alert>}
      {prices.isLoading && <div className="h-24 animate-pulse rounded bg-slate-100" />}
      {prices.data && prices.data.length === 0 && <p className="text-sm text-slate-500">No prices: every model counts as price unknown.</p>}
      {prices.data && prices.data.length > 0 && (
        <table className="w-full text-sm [&_td]:px-2 [&_th]:px-2">
          <thead className="text-left text-xs text-slate-500">
            <tr><th className="py-1">Model</th><th className="text-right">Input $/1M</th><th className="text-right">Output $/1M</th><th className="text-right">Batch factor</th><th /></tr>
          </thead>
          <tbody>
            {prices.data.map((p) => (
              <tr key={p.model} className="border-t border-slate-100" data-testid={`price-row-${p.model}`}>
                <td className="py-1.5 font-mono text-xs">{p.model}</td>
                <td className="text-right tabular-nums">{p.inputPerMTok}</td>
                <td className="text-right tabular-nums">{p.outputPerMTok}</td>
                <td className="text-right tabular-nums">{p.batchFactor}</td>
                <td className="space-x-1 text-right">
                  <Button type="button" variant="ghost" onClick={() => edit(p)} aria-label={`Edit the price of ${p.model}`}>Edit</Button>
                  <Button type="button" variant="danger" onClick={() => remove.mutate(p.model)} disabled={remove.isPending} aria-label={`Delete the price of ${p.model}`}>Delete</Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {remove.error && <Alert tone="error">{remove.error.message}</Alert>}
      <form
        className="grid items-end gap-2 border-t border-slate-100 pt-3 sm:grid-cols-[2fr_1fr_1fr_1fr_auto]"
        data-testid="price-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (problem || !form.model.trim()) return;
          save.mutate({ model: form.model.trim(), ...numbers }, { onSuccess: () => setForm(EMPTY) });
        }}
      >
        <Field label="Model"><Input value={form.model} onChange={(e) => setForm({ ...form, model: e.target.value })} placeholder="e.g. gpt-4o-mini" data-testid="price-model" /></Field>
        <Field label="Input $/1M"><Input inputMode="decimal" value={form.inputPerMTok} onChange={(e) => setForm({ ...form, inputPerMTok: e.target.value })} data-testid="price-input" /></Field>
        <Field label="Output $/1M"><Input inputMode="decimal" value={form.outputPerMTok} onChange={(e) => setForm({ ...form, outputPerMTok: e.target.value })} data-testid="price-output" /></Field>
        <Field label="Batch factor"><Input inputMode="decimal" value={form.batchFactor} onChange={(e) => setForm({ ...form, batchFactor: e.target.value })} data-testid="price-batch" /></Field>
        <Button type="submit" disabled={!form.model.trim() || !!problem || save.isPending} data-testid="save-price">{save.isPending ? "Saving…" : "Save price"}</Button>
      </form>
      {problem && <Alert tone="error">{problem}</Alert>}
      {save.error && <Alert tone="error">{save.error.message}</Alert>}
    </div>
  );
}
