import { z } from "zod";
import { parseArn } from "../shared/arn";
import { EDGE_REGION } from "../shared/region";
import { listOf, strictObject } from "../shared/schema/fields";
import { emailField } from "./contacts";

/** An SNS topic ARN in us-east-1, where CloudFront's metrics and therefore its alarms live. */
export function isEdgeSnsTopicArn(text: string): boolean {
  const arn = parseArn(text);
  return arn !== undefined && arn.service === "sns" && arn.region === EDGE_REGION && /^\d{12}$/.test(arn.account) &&
    /^[A-Za-z0-9_-]{1,256}(\.fifo)?$/.test(arn.resource);
}

const TOPIC = `allowed: an SNS topic ARN in ${EDGE_REGION} (arn:aws:sns:${EDGE_REGION}:<account>:<name>), where CloudFront alarms live`;

/** `shield.notifications`: where the alarms go. */
export const notificationsSchema = strictObject({
  /** Existing SNS topic in us-east-1; a new topic is created when absent. */
  topicArn: z.string({ error: TOPIC }).refine(isEdgeSnsTopicArn, { error: TOPIC }).optional(),
  /** Email addresses subscribed to the topic (each must confirm the subscription); stored as secrets. */
  emails: listOf(emailField("allowed: an email address such as ops@example.com"), "allowed: a list of email addresses").default([]),
});
