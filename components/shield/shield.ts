import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EDGE_REGION } from "../shared/region";
import { cloudfront5xxAlarmArgs, ddosDetectedAlarmArgs, healthCheckStatusAlarmArgs } from "./alarms";
import { alarmHealthCheckArgs, calculatedHealthCheckArgs, httpsHealthCheckArgs } from "./healthChecks";
import { defaultProtectionGroupId, protectionGroupArgs } from "./protectionGroup";
import { ShieldInput, ShieldSettings } from "./settings";
import { shieldWarnings } from "./shieldWarnings";
import { drtAccessPolicyArn, srtTrustPolicy } from "./srtAccess";
import { checkedShieldSettings } from "./validateShieldArgs";
import { emailNameSuffix } from "../shared/emailName";

export interface EdgeShieldArgs {
  /**
   * The Shield settings, as the stack file's `shield` key takes them (parsed settings are accepted too):
   * checked with the same schema and defaults before anything is created; nothing is created unless `enabled`.
   * @default off
   */
  readonly settings?: ShieldInput;
  /** The protected distribution: its ARN, id and domain name, and the ordering of dependent resources. */
  readonly distribution: aws.cloudfront.Distribution;
  /** Web ACL already attached to the distribution; required by both layer-7 mitigations. @default none */
  readonly webAclArn?: pulumi.Input<string>;
  /** S3 bucket with the WAF logs, shared with the SRT when `srtAccess.shareWafLogBucket`. @default none */
  readonly wafLogBucketName?: pulumi.Input<string>;
  /** Tags for every taggable child. @default none */
  readonly tags?: Record<string, string>;
}

/**
 * Shield Advanced for one CloudFront distribution: protection, layer-7 automatic response,
 * health-based detection, alarms in us-east-1, SRT access, proactive engagement, protection group
 * and (only when asked) the subscription.
 */
export class EdgeShield extends pulumi.ComponentResource {
  readonly protectionId: pulumi.Output<string | undefined>;
  readonly protectionArn: pulumi.Output<string | undefined>;
  readonly snsTopicArn: pulumi.Output<string | undefined>;
  /** The health check associated with the protection. */
  readonly healthCheckId: pulumi.Output<string | undefined>;
  readonly srtRoleArn: pulumi.Output<string | undefined>;

  constructor(name: string, args: EdgeShieldArgs, opts: pulumi.ComponentResourceOptions = {}) {
    // Every argument is checked (and defaulted) before anything is registered.
    const settings = checkedShieldSettings(`EdgeShield ${name}`, args.settings, {
      webAclArn: args.webAclArn !== undefined,
      wafLogBucketName: args.wafLogBucketName !== undefined,
    });
    // No inputs on the component itself: its settings hold contact details, which must not reach state in clear.
    super("edge-security:shield:EdgeShield", name, {}, opts);
    const { distribution, tags } = args;

    if (!settings.enabled) {
      const none = pulumi.output<string | undefined>(undefined);
      this.protectionId = this.protectionArn = this.snsTopicArn = this.healthCheckId = this.srtRoleArn = none;
      this.registerOutputs({});
      return;
    }
    for (const warning of shieldWarnings(settings)) pulumi.log.warn(warning, this);
    const parent = { parent: this };

    // skipDestroy: `pulumi destroy` removes it from state but never cancels the one-year commitment.
    const subscription = settings.subscription === "create"
      ? new aws.shield.Subscription(`${name}-subscription`, { autoRenew: "ENABLED", skipDestroy: true }, parent)
      : undefined;
    const subscribed: pulumi.Resource[] = subscription ? [subscription] : [];

    const protection = new aws.shield.Protection(`${name}-protection`, {
      name: `${pulumi.getProject()}-${pulumi.getStack()}-${name}`,
      resourceArn: distribution.arn,
      tags,
    }, { parent: this, dependsOn: [...subscribed, distribution] });

    if (settings.automaticResponse) {
      // Shield writes its rule group into the web ACL on the distribution, so both must exist first.
      new aws.shield.ApplicationLayerAutomaticResponse(`${name}-l7-response`, {
        resourceArn: distribution.arn,
        action: settings.automaticResponse.action,
      }, { parent: this, dependsOn: [protection, distribution] });
    }

    // SNS topics must share the alarms' region; no KMS key, as alarm actions cannot use the AWS-managed SNS key.
    const topicArn: pulumi.Input<string> = settings.notifications.topicArn ??
      new aws.sns.Topic(`${name}-alarms`, { region: EDGE_REGION, tags }, parent).arn;
    for (const email of settings.notifications.emails) {
      // Named by a hash of the address so adding or removing one never replaces the others.
      new aws.sns.TopicSubscription(`${name}-email-${emailNameSuffix(email)}`, {
        region: EDGE_REGION,
        topic: topicArn,
        protocol: "email",
        // Personal data: a secret in state, whether or not the config held it as one.
        endpoint: pulumi.secret(email),
      }, parent);
    }
    new aws.cloudwatch.MetricAlarm(`${name}-ddos-detected`, ddosDetectedAlarmArgs(distribution.arn, topicArn, tags), parent);

    const checks: aws.route53.HealthCheck[] = [];
    const { cloudfront5xx, https } = settings.healthChecks;
    if (cloudfront5xx) {
      const alarm = new aws.cloudwatch.MetricAlarm(`${name}-5xx`, cloudfront5xxAlarmArgs(distribution.id, cloudfront5xx, topicArn, tags), parent);
      checks.push(new aws.route53.HealthCheck(`${name}-5xx`, alarmHealthCheckArgs(alarm.name, { ...tags, Name: `${name}-5xx` }), parent));
    }
    if (https) {
      const check = new aws.route53.HealthCheck(`${name}-https`,
        httpsHealthCheckArgs(https.fqdn ?? distribution.domainName, https, { ...tags, Name: `${name}-https` }), parent);
      new aws.cloudwatch.MetricAlarm(`${name}-https`, healthCheckStatusAlarmArgs(check.id, topicArn, tags), parent);
      checks.push(check);
    }
    const associated = checks.length > 1
      ? new aws.route53.HealthCheck(`${name}-health`, calculatedHealthCheckArgs(checks.map((c) => c.id), { ...tags, Name: `${name}-health` }), parent)
      : checks[0];
    const association = associated
      ? new aws.shield.ProtectionHealthCheckAssociation(`${name}-health`, {
        shieldProtectionId: protection.id,
        healthCheckArn: associated.arn,
      }, parent)
      : undefined;

    const srt = settings.srtAccess.enabled ? this.srtAccess(name, settings, args, subscribed) : undefined;

    if (settings.proactiveEngagement.enabled) {
      new aws.shield.ProactiveEngagement(`${name}-proactive`, {
        enabled: true,
        // Personal data: a secret in state, whether or not the config held it as one.
        emergencyContacts: pulumi.secret(settings.proactiveEngagement.contacts.map((c) => ({
          emailAddress: c.email,
          phoneNumber: c.phone,
          contactNotes: c.notes,
        }))),
      }, { parent: this, dependsOn: [...subscribed, ...(association ? [association] : []), ...(srt ? [srt.association] : [])] });
    }

    if (settings.protectionGroup.enabled) {
      const id = settings.protectionGroup.id ?? defaultProtectionGroupId(`${pulumi.getProject()}-${pulumi.getStack()}`, name);
      new aws.shield.ProtectionGroup(`${name}-group`, protectionGroupArgs(settings.protectionGroup, id, distribution.arn, tags),
        { parent: this, dependsOn: [protection] });
    }

    this.protectionId = protection.id;
    this.protectionArn = protection.arn;
    this.snsTopicArn = pulumi.output(topicArn);
    this.healthCheckId = associated ? associated.id : pulumi.output<string | undefined>(undefined);
    this.srtRoleArn = pulumi.output(srt?.roleArn);
    this.registerOutputs({
      protectionId: this.protectionId,
      protectionArn: this.protectionArn,
      snsTopicArn: this.snsTopicArn,
      healthCheckId: this.healthCheckId,
      srtRoleArn: this.srtRoleArn,
    });
  }

  /** The SRT role (given, or created with only AWS's SRT policy) and, optionally, the WAF log bucket. */
  private srtAccess(name: string, settings: ShieldSettings, args: EdgeShieldArgs, subscribed: pulumi.Resource[]) {
    const { srtAccess } = settings;
    let roleArn: pulumi.Input<string>;
    const ready: pulumi.Resource[] = [...subscribed];
    if (srtAccess.roleArn !== undefined) {
      roleArn = srtAccess.roleArn;
    } else {
      const role = new aws.iam.Role(`${name}-srt`, {
        description: "Lets the AWS Shield Response Team manage WAF and Shield during a DDoS event",
        assumeRolePolicy: srtTrustPolicy(),
        tags: args.tags,
      }, { parent: this });
      const partition = aws.getPartitionOutput({}, { parent: this }).partition;
      // Shield checks the policy when the role is associated, so attach it first.
      ready.push(new aws.iam.RolePolicyAttachment(`${name}-srt`, {
        role: role.name,
        policyArn: partition.apply(drtAccessPolicyArn),
      }, { parent: this }));
      roleArn = role.arn;
    }
    const association = new aws.shield.DrtAccessRoleArnAssociation(`${name}-srt`, { roleArn }, { parent: this, dependsOn: ready });
    if (srtAccess.shareWafLogBucket && args.wafLogBucketName !== undefined) {
      new aws.shield.DrtAccessLogBucketAssociation(`${name}-srt-waf-logs`, {
        logBucket: args.wafLogBucketName,
        roleArnAssociationId: association.id,
      }, { parent: this, dependsOn: [association] });
    }
    return { association, roleArn };
  }
}
