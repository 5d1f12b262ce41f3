/**
 * One SNS topic per Region that has alarms: CloudWatch alarm actions must use a topic in the alarm's own
 * Region. In us-east-1 the stack's existing topic (Shield's) is reused when given. Every topic gets the same
 * email subscriptions, each named by a hash of its address so adding one never replaces the others; the
 * address is personal data, a secret in state as Shield's are.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EDGE_REGION } from "../shared/region";
import { emailNameSuffix } from "../shared/emailName";

export interface AlarmTopicsArgs {
  readonly regions: readonly string[];
  readonly emails: readonly string[];
  /** A topic in us-east-1 to reuse (Shield's), and the addresses already subscribed to it. */
  readonly edgeTopic?: { readonly arn: pulumi.Input<string>; readonly subscribedEmails: readonly string[] };
  readonly tags?: Readonly<Record<string, string>>;
}

export class AlarmTopics extends pulumi.ComponentResource {
  readonly arns: Readonly<Record<string, pulumi.Output<string>>>;

  constructor(name: string, args: AlarmTopicsArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("edge-security:monitoring:AlarmTopics", name, {}, opts);
    const arns: Record<string, pulumi.Output<string>> = {};
    for (const region of [...new Set(args.regions)].sort()) {
      const reused = region === EDGE_REGION ? args.edgeTopic : undefined;
      // No KMS key: alarm actions cannot publish to a topic encrypted with the AWS-managed SNS key.
      const arn = reused ? pulumi.output(reused.arn) : new aws.sns.Topic(`${name}-${region}`, { region, tags: { ...args.tags } }, { parent: this }).arn;
      for (const email of args.emails.filter((e) => !reused?.subscribedEmails.includes(e))) {
        new aws.sns.TopicSubscription(`${name}-${region}-email-${emailNameSuffix(email)}`, { region, topic: arn, protocol: "email", endpoint: pulumi.secret(email) }, { parent: this });
      }
      arns[region] = arn;
    }
    this.arns = arns;
    this.registerOutputs({ arns });
  }

  /** The topic of a Region that was asked for. */
  arnFor(region: string): pulumi.Output<string> {
    const arn = this.arns[region];
    if (!arn) throw new Error(`no alarm topic in ${region}; topics exist in ${Object.keys(this.arns).join(", ")}`);
    return arn;
  }
}
