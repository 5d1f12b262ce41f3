import * as assert from "node:assert/strict";
import { parseDay } from "../../components/shield/automaticResponseSchema";
import { baselineDays, shieldWarnings } from "../../components/shield/shieldWarnings";
import { NOW, TOPIC_ARN, parseValid } from "./fixtures";

describe("shieldWarnings", () => {
  const block = (automaticResponse: Record<string, unknown>) =>
    shieldWarnings(parseValid({ enabled: true, layer7Mitigation: "automatic-response", automaticResponse: { action: "BLOCK", ...automaticResponse }, notifications: { topicArn: TOPIC_ARN } }), NOW);

  it("warns, with the reason, about BLOCK with a brand-new protection", () => {
    const warnings = block({});
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^shield\.automaticResponse\.action: BLOCK with a brand-new protection: Shield has no traffic baseline yet/);
    assert.match(warnings[0], /acknowledgeBlockWithoutBaseline: true/);
    assert.deepEqual(block({ protectedSince: "2026-06-15" }), warnings);
  });

  it("warns about BLOCK after a baseline shorter than 30 days", () => {
    assert.deepEqual(block({ protectedSince: "2026-06-05" }), [
      "shield.automaticResponse.action: BLOCK after a 10-day traffic baseline; AWS recommends 30 days so that weekly and " +
        "monthly peaks are learned. Set acknowledgeBlockWithoutBaseline: true to accept.",
    ]);
  });

  it("does not warn after 30 days, when acknowledged, with COUNT, or when off", () => {
    assert.deepEqual(block({ protectedSince: "2026-05-16" }), []);
    assert.deepEqual(block({ acknowledgeBlockWithoutBaseline: true }), []);
    assert.deepEqual(block({ action: "COUNT" }), []);
    assert.deepEqual(shieldWarnings(parseValid({ enabled: false, layer7Mitigation: "automatic-response", automaticResponse: { action: "BLOCK" } }), NOW), []);
  });

  it("warns when the alarms would reach nobody", () => {
    assert.deepEqual(shieldWarnings(parseValid({ enabled: true }), NOW), [
      "shield.notifications: the new SNS topic has no subscribers, so DDoS alarms reach nobody; add notifications.emails " +
        "or give an existing topicArn.",
    ]);
    assert.deepEqual(shieldWarnings(parseValid({ enabled: true, notifications: { emails: ["ops@example.com"] } }), NOW), []);
  });

  it("names the settings by the field it is given", () => {
    assert.match(shieldWarnings(parseValid({ enabled: true }), NOW, "settings")[0], /^settings\.notifications: /);
  });
});

describe("baseline dates", () => {
  it("parses real calendar days only", () => {
    assert.equal(parseDay("2024-02-29")?.toISOString(), "2024-02-29T00:00:00.000Z");
    for (const bad of ["2026-02-29", "2026-13-01", "2026-6-1", "20260601", "2026-06-01T00:00:00Z"]) assert.equal(parseDay(bad), undefined, bad);
  });

  it("counts whole days, 0 when unknown", () => {
    assert.equal(baselineDays(undefined, NOW), 0);
    assert.equal(baselineDays("2026-06-15", NOW), 0);
    assert.equal(baselineDays("2026-06-14", NOW), 1);
    assert.equal(baselineDays("2026-05-16", NOW), 30);
  });
});
