import assert from "node:assert/strict";
import { ACCESS_LOG_FILTERS, accessLogFields, assumedRoleArnPattern, filtersFor } from "../../components/monitoring/accessLogFilters";
import { ACCESS_LOG_FORMATS } from "../../components/api/accessLogFormats";
import type { ApiKind } from "../../components/shared/types";

const ROLE = "arn:aws:iam::123456789012:role/edge-signer-role-1a2b3c";

describe("access-log metric filters", () => {
  it("every kind's format logs status, userArn and errorType, so all three filters are made, two of them alarming", () => {
    for (const kind of ["REST", "HTTP", "WEBSOCKET"] as ApiKind[]) {
      assert.ok(["status", "userArn", "errorType"].every((field) => accessLogFields(kind).includes(field)), kind);
      assert.deepEqual(filtersFor(kind).map((f) => [f.metric, f.alarm]), [["signerDenied", true], ["badSignature", true], ["directUnsigned", false]], kind);
    }
  });

  it("a format without errorType gets only the signer-denied filter", () => {
    const withoutErrorType = Object.fromEntries(Object.entries(ACCESS_LOG_FORMATS).map(([kind, format]) => {
      const { errorType: _dropped, ...rest } = JSON.parse(format) as Record<string, string>;
      return [kind, JSON.stringify(rest)];
    })) as Record<ApiKind, string>;
    assert.deepEqual(filtersFor("HTTP", withoutErrorType).map((f) => f.metric), ["signerDenied"]);
  });

  it("writes JSON patterns that compare status as the string the format logs, and the signer's assumed-role ARN with a session wildcard", () => {
    const pattern = assumedRoleArnPattern(ROLE);
    assert.equal(pattern, "arn:aws:sts::123456789012:assumed-role/edge-signer-role-1a2b3c/*");
    assert.deepEqual(ACCESS_LOG_FILTERS.map((f) => f.pattern(pattern)), [
      '{ ($.status = "403") && ($.userArn = "arn:aws:sts::123456789012:assumed-role/edge-signer-role-1a2b3c/*") }',
      '{ ($.status = "403") && (($.errorType = "INVALID_SIGNATURE") || ($.errorType = "EXPIRED_TOKEN")) }',
      '{ ($.status = "403") && ($.errorType = "MISSING_AUTHENTICATION_TOKEN") }',
    ]);
    assert.ok(ACCESS_LOG_FORMATS.REST.includes('"status":"$context.status"'), "status is quoted in the format, so logged as a string");
  });

  it("drops a role path (assumed-role ARNs carry only the name) and refuses what is not a role", () => {
    assert.equal(assumedRoleArnPattern("arn:aws:iam::123456789012:role/service/edge/signer"), "arn:aws:sts::123456789012:assumed-role/signer/*");
    assert.equal(assumedRoleArnPattern("arn:aws-cn:iam::123456789012:role/s"), "arn:aws-cn:sts::123456789012:assumed-role/s/*");
    assert.throws(() => assumedRoleArnPattern("arn:aws:iam::123456789012:user/alice"), /not an IAM role ARN/);
  });
});
