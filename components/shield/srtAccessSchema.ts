import { z } from "zod";
import { parseArn } from "../shared/arn";
import { flag, strictObject } from "../shared/schema/fields";
import { whenValid } from "../shared/schema/fields";

export function isIamRoleArn(value: string): boolean {
  const arn = parseArn(value);
  return arn !== undefined && arn.service === "iam" && arn.region === "" && /^\d{12}$/.test(arn.account) &&
    /^role\/[\w+=,.@/-]+$/.test(arn.resource);
}

const ROLE = "allowed: an IAM role ARN (arn:aws:iam::<account>:role/<name>) with AWSShieldDRTAccessPolicy attached";

/** `shield.srtAccess`: what the Shield Response Team may do in the account during an event. */
export const srtAccessSchema = strictObject({
  enabled: flag().default(false),
  /** Existing role that already has `AWSShieldDRTAccessPolicy`; a new role is created when absent. */
  roleArn: z.string({ error: ROLE }).refine(isIamRoleArn, { error: ROLE }).optional(),
  /** Lets the SRT read the WAF log bucket (`DrtAccessLogBucketAssociation`). */
  shareWafLogBucket: flag().default(false),
}).superRefine((srt, ctx) => {
  if (srt.shareWafLogBucket && !srt.enabled) {
    ctx.addIssue({ code: "custom", path: ["shareWafLogBucket"], input: true, message: "allowed: false unless srtAccess.enabled is true (the log bucket is shared through the SRT role)" });
  }
}, whenValid("enabled", "shareWafLogBucket"));
