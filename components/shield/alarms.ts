/**
 * CloudWatch alarm inputs. Every alarm lives in us-east-1: Shield's metrics for global resources,
 * CloudFront's metrics and Route 53 health-check metrics are all published there.
 */
import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { EDGE_REGION } from "../shared/region";
import { Cloudfront5xxHealthCheckSettings } from "./settings";

const PERIOD_SECONDS = 60;

/** What every alarm shares: one-minute periods, us-east-1, notifications on ALARM and on OK. */
function base(topicArn: pulumi.Input<string>, tags: Record<string, string> | undefined) {
  return { region: EDGE_REGION, period: PERIOD_SECONDS, alarmActions: [topicArn], okActions: [topicArn], tags };
}

/** Fires as soon as Shield reports a DDoS event on the distribution (`DDoSDetected` Sum > 0). */
export function ddosDetectedAlarmArgs(
  distributionArn: pulumi.Input<string>,
  topicArn: pulumi.Input<string>,
  tags?: Record<string, string>,
): aws.cloudwatch.MetricAlarmArgs {
  return {
    ...base(topicArn, tags),
    alarmDescription: "Shield Advanced detected a DDoS event on the CloudFront distribution",
    namespace: "AWS/DDoSProtection",
    metricName: "DDoSDetected",
    dimensions: { ResourceArn: distributionArn },
    statistic: "Sum",
    evaluationPeriods: 1,
    threshold: 0,
    comparisonOperator: "GreaterThanThreshold",
    treatMissingData: "notBreaching",
  };
}

/**
 * CloudFront's 5xx error rate (percent) above the threshold. No `datapointsToAlarm`: Route 53
 * health checks cannot watch "M out of N" alarms. No traffic means healthy.
 */
export function cloudfront5xxAlarmArgs(
  distributionId: pulumi.Input<string>,
  settings: Cloudfront5xxHealthCheckSettings,
  topicArn: pulumi.Input<string>,
  tags?: Record<string, string>,
): aws.cloudwatch.MetricAlarmArgs {
  return {
    ...base(topicArn, tags),
    alarmDescription: `CloudFront 5xx error rate above ${settings.thresholdPercent}% (Shield health-based detection)`,
    namespace: "AWS/CloudFront",
    metricName: "5xxErrorRate",
    dimensions: { DistributionId: distributionId, Region: "Global" },
    statistic: "Average",
    evaluationPeriods: settings.evaluationPeriods,
    threshold: settings.thresholdPercent,
    comparisonOperator: "GreaterThanThreshold",
    treatMissingData: "notBreaching",
  };
}

/** The HTTPS health check through CloudFront reports unhealthy (`HealthCheckStatus` < 1). */
export function healthCheckStatusAlarmArgs(
  healthCheckId: pulumi.Input<string>,
  topicArn: pulumi.Input<string>,
  tags?: Record<string, string>,
): aws.cloudwatch.MetricAlarmArgs {
  return {
    ...base(topicArn, tags),
    alarmDescription: "Route 53 HTTPS health check through CloudFront is failing",
    namespace: "AWS/Route53",
    metricName: "HealthCheckStatus",
    dimensions: { HealthCheckId: healthCheckId },
    statistic: "Minimum",
    evaluationPeriods: 1,
    threshold: 1,
    comparisonOperator: "LessThanThreshold",
    treatMissingData: "missing",
  };
}
