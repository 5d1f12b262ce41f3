import * as assert from "node:assert/strict";
import { isE164PhoneNumber, isEmailAddress } from "../../components/shield/contacts";
import { isEdgeSnsTopicArn, isHealthCheckPath, isIamRoleArn } from "../../components/shield/sectionParsers";

const cases: readonly [string, (v: string) => boolean, readonly string[], readonly string[]][] = [
  ["isEmailAddress", isEmailAddress,
    ["secops@example.com", "a.b+shield@sub.example.co.uk"],
    ["secops", "secops@example", "sec ops@example.com", "a@@example.com", `${"a".repeat(140)}@example.com`]],
  ["isE164PhoneNumber", isE164PhoneNumber,
    ["+14155550100", "+442071838750", "+123456789012345", "+12"],
    ["14155550100", "+0123456789", "+1 415 555 0100", "+1-415-555-0100", "+1234567890123456", "+1"]],
  ["isEdgeSnsTopicArn", isEdgeSnsTopicArn,
    ["arn:aws:sns:us-east-1:123456789012:alerts", "arn:aws:sns:us-east-1:123456789012:alerts.fifo"],
    ["arn:aws:sns:us-west-2:123456789012:alerts", "arn:aws:sns:us-east-1:1234:alerts", "arn:aws:sns:us-east-1:123456789012:a:b", "alerts"]],
  ["isIamRoleArn", isIamRoleArn,
    ["arn:aws:iam::123456789012:role/shield-srt", "arn:aws:iam::123456789012:role/service-role/srt"],
    ["arn:aws:iam::123456789012:user/srt", "arn:aws:iam:us-east-1:123456789012:role/srt", "arn:aws:iam::123456789012:role/", "srt"]],
  ["isHealthCheckPath", isHealthCheckPath,
    ["/", "/health", "/rest/health?deep=1"],
    ["", "health", "/a b", `/${"a".repeat(255)}`]],
];

describe("shield format checks", () => {
  for (const [name, check, good, bad] of cases) {
    it(`${name} accepts ${good.length} and rejects ${bad.length} examples`, () => {
      for (const value of good) assert.equal(check(value), true, `${name}(${value})`);
      for (const value of bad) assert.equal(check(value), false, `${name}(${value})`);
    });
  }

  it("rejects non-strings", () => {
    assert.equal(isEmailAddress(undefined), false);
    assert.equal(isE164PhoneNumber(14155550100), false);
  });
});
