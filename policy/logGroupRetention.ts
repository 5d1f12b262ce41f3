import * as aws from "@pulumi/aws";
import { configShape, resourcePolicy } from "./definePolicy";

/** Every log group expires its events: a group without retention keeps them (and their cost) forever. */
export const logGroupRetention = resourcePolicy({
  name: "log-group-retention",
  description: "Every CloudWatch log group has a retention period.",
  enforcementLevel: "mandatory",
  severity: "medium",
  config: configShape({}),
  check: (args, _config, report) => {
    const group = args.asType(aws.cloudwatch.LogGroup);
    if (!group) return;
    if (!group.retentionInDays || group.retentionInDays <= 0) report(`log group ${args.name} has no retentionInDays; its events would be kept forever`);
  },
});
