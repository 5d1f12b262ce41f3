/**
 * Route 53 health-check inputs for Shield's health-based detection. Route 53 is global (no region);
 * the alarm a CLOUDWATCH_METRIC check watches is named with its region, us-east-1.
 */
import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { EDGE_REGION } from "../shared/region";
import { HttpsHealthCheckSettings } from "./settings";

/** Mirrors a CloudWatch alarm; keeps the last status while the alarm has too little data. */
export function alarmHealthCheckArgs(alarmName: pulumi.Input<string>, tags?: Record<string, string>): aws.route53.HealthCheckArgs {
  return {
    type: "CLOUDWATCH_METRIC",
    cloudwatchAlarmName: alarmName,
    cloudwatchAlarmRegion: EDGE_REGION,
    insufficientDataHealthStatus: "LastKnownStatus",
    tags,
  };
}

/** HTTPS (SNI on, port 443) GET of the health path through CloudFront, so the whole edge path is checked. */
export function httpsHealthCheckArgs(
  fqdn: pulumi.Input<string>,
  settings: HttpsHealthCheckSettings,
  tags?: Record<string, string>,
): aws.route53.HealthCheckArgs {
  return {
    type: "HTTPS",
    fqdn,
    port: 443,
    resourcePath: settings.path,
    enableSni: true,
    requestInterval: settings.requestIntervalSeconds,
    failureThreshold: settings.failureThreshold,
    measureLatency: false,
    tags,
  };
}

/** Healthy only while every child is: Shield accepts one health check per protection, so two are combined. */
export function calculatedHealthCheckArgs(
  childHealthCheckIds: readonly pulumi.Input<string>[],
  tags?: Record<string, string>,
): aws.route53.HealthCheckArgs {
  return {
    type: "CALCULATED",
    childHealthchecks: [...childHealthCheckIds],
    childHealthThreshold: childHealthCheckIds.length,
    tags,
  };
}
