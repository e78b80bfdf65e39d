"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { ReviewItem } from "@/lib/synthetic/review/types";
import { ItemWorkspace } from "./item-workspace";
import { syntheticKeys } from "./synthetic-api";
import { useExecutions } from "./use-executions";

/** The standalone item page: the review workspace for one item, without the queue. */
export function SyntheticItemView({ initial }: { initial: ReviewItem }) {
  const [item, setItem] = useState(initial);
  const [help, setHelp] = useState(false);
  const qc = useQueryClient();
  const executions = useExecutions(setItem);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <Link href={`/synthetic/review?dataset=${item.datasetId}`} className="text-xs text-slate-500 hover:text-slate-900" data-testid="back-to-review">
          ← Review {item.datasetName}
        </Link>
        <h1 className="text-lg font-semibold tracking-tight text-slate-900">
          {item.title ?? item.functionName ?? `Item #${item.snippetId}`} <span className="font-mono text-sm font-normal text-slate-500">#{item.snippetId}</span>
        </h1>
      </div>
      <ItemWorkspace
        item={item}
        onItem={(next) => {
          setItem(next);
          void qc.invalidateQueries({ queryKey: syntheticKeys.all });
        }}
        exec={executions.stateOf(item.snippetId)}
        onExecute={() => void executions.start(item.snippetId)}
        help={help}
        setHelp={setHelp}
      />
    </div>
  );
}
