import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { AgreementPanel } from "@/components/quality/agreement-panel";
import { ClassifierPanel } from "@/components/quality/classifier-panel";
import { PrecisionPanel } from "@/components/quality/precision-panel";
import { agreementPanel } from "@/lib/dashboards/agreement-panel";
import { classifierPanel } from "@/lib/dashboards/classifier-panel";
import { precisionPanel } from "@/lib/dashboards/precision-panel";
import { db } from "@/lib/db/client";
import { testDialect, useTestDatabase } from "../helpers/db";
import { seedBrowseFixture } from "./fixtures";

/* The quality panels' empty states say what to do next, from the real panel data of a database without a model or audit. */
useTestDatabase();
beforeAll(async () => {
  await seedBrowseFixture();
});

describe(`quality page empty states (${testDialect})`, () => {
  it("no model: train one; no audit: create one", async () => {
    const html = renderToStaticMarkup(createElement(PrecisionPanel, { data: await precisionPanel({}), datasets: [] }));
    expect(html).toContain("No classifier model yet");
    expect(html).toContain('href="/models"');
    expect(renderToStaticMarkup(createElement(ClassifierPanel, { data: await classifierPanel({}) }))).toContain("No classifier model yet");

    await db().classifierModel.create({ data: { version: 1, status: "ready", active: true, cut: 0.5, threshold: 3 } });
    const noAudit = renderToStaticMarkup(createElement(PrecisionPanel, { data: await precisionPanel({}), datasets: [] }));
    expect(noAudit).toContain("No audit of model v1");
    expect(noAudit).toContain('data-testid="threshold-slider"');
    const classifier = renderToStaticMarkup(createElement(ClassifierPanel, { data: await classifierPanel({}) }));
    expect(classifier).toContain('data-testid="classifier-calibration"');
  });

  it("no human labels: spot-check first", async () => {
    await db().humanLabel.deleteMany({});
    const html = renderToStaticMarkup(createElement(AgreementPanel, { data: await agreementPanel({}) }));
    expect(html).toContain("No human labels in this scope yet");
    expect(html).toContain('href="/review"');
  });
});
