// An application team's program: reads the edge stack's contract through a StackReference, publishes
// where its API is reachable, and alarms on the edge's 5xx rate in us-east-1, where CloudFront metrics live.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { apiEdgeUrl, readEdgeStack } from "edge-security";

const config = new pulumi.Config();
const apiName = config.require("apiName");
const edge = readEdgeStack(new pulumi.StackReference(config.require("edgeStack")));

export const apiUrl = apiEdgeUrl(edge, apiName);
export const signerRoleArn = edge.signerRoleArn;

export const edgeErrorsAlarm = new aws.cloudwatch.MetricAlarm(`${apiName}-edge-5xx`, {
  region: "us-east-1",
  namespace: "AWS/CloudFront",
  metricName: "5xxErrorRate",
  dimensions: { DistributionId: edge.distributionId, Region: "Global" },
  statistic: "Average",
  period: 300,
  evaluationPeriods: 3,
  threshold: 5,
  comparisonOperator: "GreaterThanThreshold",
  treatMissingData: "notBreaching",
  alarmDescription: pulumi.interpolate`5xx responses above 5% at the edge in front of ${apiName}`,
}).arn;
