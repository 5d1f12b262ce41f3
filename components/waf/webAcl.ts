import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EDGE_REGION } from "../shared/region";
import { problemsFrom } from "../shared/schema/problems";
import { ConfigError, isPlainObject, Problem } from "../shared/validation";
import { buildWafRules } from "./buildWafRules";
import { cidrVersion, IpVersion } from "./cidr";
import { loggingFilter, redactedFields, wafLogGroupName } from "./loggingConfig";
import { customResponseBodies, toPulumiRules } from "./toPulumiRules";
import { ManagedWafSettings, RateLimitProbe, ShieldMitigation, WafInput, WafSettings } from "./types";
import { isValidWafName, visibilityConfig } from "./visibility";
import { wafSchema } from "./wafSchema";
import { IpSetArns } from "./wafRule";

export interface EdgeWebAclArgs {
  /**
   * The web ACL's settings as the stack file's `edge-security:waf` key takes them (every field optional, the
   * same defaults), or settings `wafSchema` parsed already (as EdgeProtection passes them). Settings that
   * turn the WAF off are refused: create no EdgeWebAcl then. @default every default
   */
  readonly settings?: WafInput | WafSettings;
  /**
   * Shield Advanced's layer-7 mitigation, when `settings` are not parsed yet: `automatic-response` holds back
   * 150 WCU for Shield's rule group, `anti-ddos-rule-group` adds AWS's Anti-DDoS group. @default "none"
   */
  readonly shieldMitigation?: ShieldMitigation;
  /**
   * The monitoring's rate-limit probe rule (components/monitoring: `rateLimitProbe(...)`), when `settings` are not
   * parsed yet; parsed settings carry it already (`wafSchema({ ..., rateLimitProbe })`). @default none
   */
  readonly rateLimitProbe?: RateLimitProbe;
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

  constructor(name: string, args: EdgeWebAclArgs = {}, opts: pulumi.ComponentResourceOptions = {}) {
    // Every problem is reported before anything is registered.
    const settings = edgeWebAclSettings(name, args);
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

/** Settings parsed already (the schema's output, never its input, has a `kind`). */
function isParsed(settings: WafInput | WafSettings): settings is WafSettings {
  return isPlainObject(settings) && "kind" in settings;
}

/**
 * The settings an EdgeWebAcl named `name` builds, with every default applied, or one ConfigError naming every
 * problem: the settings' own (as for the stack file, under `settings`), a WAF turned off, a name AWS cannot use.
 */
export function edgeWebAclSettings(name: string, args: EdgeWebAclArgs): Exclude<WafSettings, { kind: "disabled" }> {
  const given = args.settings ?? {};
  const problems: Problem[] = [];
  let settings: WafSettings | undefined;
  if (isParsed(given)) {
    settings = given;
    if (args.rateLimitProbe !== undefined) {
      problems.push({ field: "rateLimitProbe", value: args.rateLimitProbe.ruleName, allowed: "allowed: only with settings not parsed yet; parsed settings carry their probe (wafSchema's rateLimitProbe)", path: ["rateLimitProbe"] });
    }
  } else {
    const result = wafSchema({ shieldMitigation: args.shieldMitigation ?? "none", rateLimitProbe: args.rateLimitProbe }).safeParse(given);
    if (result.success) settings = result.data;
    else problems.push(...problemsFrom(result.error.issues, given, ["settings"]));
  }
  if (settings?.kind === "disabled") {
    const [field, value] = isParsed(given) ? ["settings.kind", "disabled"] : ["settings.enabled", false];
    problems.push({ field, value, allowed: "allowed: a managed or existing web ACL: with waf.enabled false, create no EdgeWebAcl and leave webAclId unset", path: field.split(".") });
  }
  if (settings?.kind !== "existing" && !(isValidWafName(name) && name.length <= 100)) {
    problems.push({ field: "name", value: name, allowed: "allowed: letters, digits, - or _, at most 100 characters (web ACL, metric and IP set names derive from it)", path: ["name"] });
  }
  if (problems.length > 0 || settings === undefined || settings.kind === "disabled") throw new ConfigError(`EdgeWebAcl ${name}`, problems);
  return settings;
}
