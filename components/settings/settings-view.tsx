"use client";

import Link from "next/link";
import { Alert } from "../ui/alert";
import { Card } from "../ui/card";
import { LlmSettingsForm } from "./llm-settings-form";
import { LlmStatusBanner } from "./llm-status-banner";
import { PriceTable } from "./price-table";
import { useLlmSettings } from "./use-llm-settings";

export function SettingsView() {
  const settings = useLlmSettings();
  return (
    <div className="max-w-4xl space-y-4">
      <Card title="LLM endpoint">
        {settings.error && <Alert tone="error">{settings.error.message}</Alert>}
        {settings.isLoading && <div className="h-64 animate-pulse rounded bg-slate-100" />}
        {settings.data && (
          <div className="space-y-4">
            <LlmStatusBanner settings={settings.data} />
            <LlmSettingsForm settings={settings.data} />
          </div>
        )}
      </Card>
      <Card title="Prices">
        <PriceTable />
      </Card>
      <Card title="API tokens">
        <p className="text-sm text-slate-600">
          Personal tokens for scripts and the JSON API are on <Link href="/settings/tokens" className="text-indigo-700 underline">API tokens</Link>.
        </p>
      </Card>
    </div>
  );
}
