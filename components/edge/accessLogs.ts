import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccessLogSettings, DEFAULT_ACCESS_LOG_RETENTION_DAYS } from "../config/accessLogs";
import { EDGE_REGION } from "../shared/region";

export interface EdgeAccessLogsArgs {
  readonly settings: AccessLogSettings;
  /** The distribution whose access logs are delivered. */
  readonly distributionArn: pulumi.Input<string>;
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * CloudFront standard logging (v2): a delivery source for the distribution (log type ACCESS_LOGS), a delivery
 * destination and the delivery that pairs them, all in us-east-1 where CloudFront's delivery source lives.
 * With `cloudwatch` the stack creates the log group, named under `/aws/vendedlogs/` so that the resource policy
 * CloudWatch Logs writes for vended-log delivery covers it with one wildcard instead of growing per group.
 */
export class EdgeAccessLogs extends pulumi.ComponentResource {
  /** Where the logs go: the created log group's ARN, or the configured destination. */
  readonly destinationArn: pulumi.Output<string>;

  constructor(name: string, args: EdgeAccessLogsArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("edge-security:edge:EdgeAccessLogs", name, {}, opts);
    const { settings } = args;
    const tags = { ...args.tags };
    const region = EDGE_REGION;
    this.destinationArn = settings.destination === "cloudwatch"
      ? new aws.cloudwatch.LogGroup(`${name}-group`, {
          region,
          namePrefix: `/aws/vendedlogs/cloudfront/${name}-`,
          retentionInDays: settings.retentionDays ?? DEFAULT_ACCESS_LOG_RETENTION_DAYS,
          tags,
        }, { parent: this }).arn
      : pulumi.output(settings.destination);

    const source = new aws.cloudwatch.LogDeliverySource(`${name}-source`, {
      region,
      logType: "ACCESS_LOGS",
      resourceArn: args.distributionArn,
      tags,
    }, { parent: this });
    const destination = new aws.cloudwatch.LogDeliveryDestination(`${name}-destination`, {
      region,
      outputFormat: settings.format,
      deliveryDestinationConfiguration: { destinationResourceArn: this.destinationArn },
      tags,
    }, { parent: this });
    new aws.cloudwatch.LogDelivery(`${name}-delivery`, {
      region,
      deliverySourceName: source.name,
      deliveryDestinationArn: destination.arn,
      tags,
    }, { parent: this });
    this.registerOutputs({ destinationArn: this.destinationArn });
  }
}
