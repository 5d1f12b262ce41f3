import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EDGE_REGION } from "../shared/region";
import { ConfigError, Problems } from "../shared/validation";
import { buildWafRules } from "./buildWafRules";
import { cidrVersion, IpVersion } from "./cidr";
import { loggingFilter, redactedFields, wafLogGroupName } from "./loggingConfig";
import { customResponseBodies, toPulumiRules } from "./toPulumiRules";
import { ManagedWafSettings, WafSettings } from "./types";
import { isValidWafName, visibilityConfig } from "./visibility";
import { IpSetArns } from "./wafRule";

export interface EdgeWebAclArgs {
  /** Parsed `waf` settings (see `parseWafConfig`); `disabled` is rejected: create no EdgeWebAcl then. */
  readonly settings: WafSettings;
  /** Tags for every created resource. @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * The CLOUDFRONT web ACL in us-east-1, with its IP sets and logging; or, with
 * `existingWebAclArn`, nothing but that ARN. `arn` goes to the distribution's `webAclId`.
 */
export class EdgeWebAcl extends pulumi.ComponentResource {
  /** The web ACL ARN, for `aws.cloudfront.Distribution.webAclId`. */
  readonly arn: pulumi.Output<string>;

  constructor(name: string, args: EdgeWebAclArgs, opts: pulumi.ComponentResourceOptions = {}) {
    const settings = args.settings;
    validateEdgeWebAclArgs(name, settings);
    super("edge-security:waf:EdgeWebAcl", name, {}, opts);
    this.arn = settings.kind === "existing" ? pulumi.output(settings.existingWebAclArn) : this.createWebAcl(name, settings, args.tags ?? {});
    this.registerOutputs({ arn: this.arn });
  }

  private createWebAcl(name: string, settings: ManagedWafSettings, tags: Record<string, string>): pulumi.Output<string> {
    const common = { scope: "CLOUDFRONT", region: EDGE_REGION, tags };
    const ipSet = (list: "allow" | "deny", version: IpVersion) => {
      const addresses = settings.ipSets[list].filter((c) => cidrVersion(c) === version);
      if (addresses.length === 0) return undefined;
      const setName = `${name}-${list}-${version.toLowerCase()}`;
      return new aws.wafv2.IpSet(setName, { ...common, name: setName, ipAddressVersion: version, addresses, description: `${list} list of ${name}` }, { parent: this }).arn;
    };
    const arns: IpSetArns<pulumi.Input<string>> = {
      allowIpv4: ipSet("allow", "IPV4"),
      allowIpv6: ipSet("allow", "IPV6"),
      denyIpv4: ipSet("deny", "IPV4"),
      denyIpv6: ipSet("deny", "IPV6"),
    };
    const acl = new aws.wafv2.WebAcl(
      name,
      {
        ...common,
        name,
        description: `Edge web ACL ${name}, mode ${settings.mode}`,
        defaultAction: { allow: {} },
        rules: toPulumiRules(buildWafRules(settings, arns)),
        customResponseBodies: customResponseBodies(),
        // Bodies beyond this limit reach rules as "oversize"; each body rule states its handling.
        associationConfig: { requestBodies: [{ cloudfront: { defaultSizeInspectionLimit: settings.bodyInspectionLimit } }] },
        visibilityConfig: visibilityConfig(name),
      },
      { parent: this },
    );
    const logging = settings.logging;
    if (logging) {
      const destination =
        logging.destination.kind === "existing"
          ? pulumi.output(logging.destination.arn)
          : new aws.cloudwatch.LogGroup(
              `${name}-logs`,
              { name: wafLogGroupName(name), retentionInDays: logging.destination.retentionDays, region: EDGE_REGION, tags },
              { parent: this },
            ).arn;
      const filter = loggingFilter(logging);
      new aws.wafv2.WebAclLoggingConfiguration(
        `${name}-logging`,
        {
          resourceArn: acl.arn,
          region: EDGE_REGION,
          logDestinationConfigs: [destination],
          redactedFields: redactedFields(logging),
          ...(filter ? { loggingFilter: filter } : {}),
        },
        { parent: this },
      );
    }
    return acl.arn;
  }
}

/** Rejects what the settings cannot say: a disabled WAF, or a name AWS cannot use. */
export function validateEdgeWebAclArgs(name: string, settings: WafSettings): asserts settings is Exclude<WafSettings, { kind: "disabled" }> {
  const problems = new Problems();
  problems.check(settings.kind !== "disabled", "settings.kind", settings.kind, "managed or existing: with waf.enabled false, create no EdgeWebAcl and leave webAclId unset");
  if (settings.kind === "managed") {
    problems.check(isValidWafName(name) && name.length <= 100, "name", name, "letters, digits, - or _, at most 100 characters (web ACL, metric and IP set names derive from it)");
  }
  if (problems.all.length > 0) throw new ConfigError(`EdgeWebAcl ${name}`, problems.all);
}
