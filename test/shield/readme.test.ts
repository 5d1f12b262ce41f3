import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import * as yaml from "yaml";
import { shieldWarnings } from "../../components/shield/shieldWarnings";
import { NOW, parseValid } from "./fixtures";

const README = readFileSync(path.join(__dirname, "../../components/shield/README.md"), "utf8");

/** The `edge-security:shield` value of the YAML block that follows `<!-- marker -->` in the README. */
function example(marker: string): unknown {
  const match = new RegExp(`<!-- ${marker} -->\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(README);
  assert.ok(match, `README has a ${marker} block`);
  const doc = yaml.parse(match[1]) as { config: Record<string, unknown> };
  return doc.config["edge-security:shield"];
}

describe("shield README examples", () => {
  it("the dev example is off", () => {
    assert.equal(parseValid(example("dev-example")).enabled, false);
  });

  it("the prod example parses cleanly into the documented production settings", () => {
    const settings = parseValid(example("prod-example"));
    assert.deepEqual(settings, {
      enabled: true,
      subscription: "assume-existing",
      layer7Mitigation: "automatic-response",
      automaticResponse: { action: "COUNT", acknowledgeBlockWithoutBaseline: false },
      healthChecks: { cloudfront5xx: { thresholdPercent: 5, evaluationPeriods: 3 } },
      notifications: { emails: ["secops@example.com"] },
      srtAccess: { enabled: true, shareWafLogBucket: false },
      proactiveEngagement: {
        enabled: true,
        contacts: [{ email: "secops@example.com", phone: "+14155550100", notes: "24x7 security hotline, primary contact" }],
      },
      protectionGroup: { enabled: true, scope: "all-cloudfront-distributions", aggregation: "MAX" },
    });
    assert.deepEqual(shieldWarnings(settings, NOW), []);
  });
});
