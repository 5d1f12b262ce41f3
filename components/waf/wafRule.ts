/**
 * A neutral model of the rules this project builds: the subset of the AWS WAF rule language it
 * uses. Rendered to the `@pulumi/aws` typed `rules` input (toPulumiRules) and to the WAFV2 API shape
 * (toWafApiRules), so the deployed rules and the rules sent to CheckCapacity are the same.
 * `A` is the type of IP set ARNs: a Pulumi output at deploy time, a string for the API.
 */
import { EDGE_REGION } from "../shared/region";
import type { AggregationKey } from "./rateLimitsSchema";
import { HeaderOperator, LabelScope } from "./types";

/** The text transformations this module uses, applied in list order; none renders as `NONE`. */
export type TextTransform = "URL_DECODE" | "NORMALIZE_PATH" | "LOWERCASE";

export type FieldToMatch =
  | { readonly kind: "uriPath" }
  | { readonly kind: "method" }
  | { readonly kind: "singleHeader"; readonly name: string }
  /** `MATCH`: a body beyond the inspection limit counts as matching (fail closed). */
  | { readonly kind: "body"; readonly oversizeHandling: "MATCH" | "NO_MATCH" | "CONTINUE" };

export type WafStatement<A> =
  | {
      readonly type: "byteMatch";
      readonly field: FieldToMatch;
      readonly positional: HeaderOperator;
      readonly search: string;
      readonly transforms: readonly TextTransform[];
    }
  | { readonly type: "sizeGreaterThan"; readonly field: FieldToMatch; readonly size: number; readonly transforms: readonly TextTransform[] }
  | { readonly type: "geoMatch"; readonly countryCodes: readonly string[] }
  | { readonly type: "ipSet"; readonly arn: A }
  | { readonly type: "labelMatch"; readonly scope: LabelScope; readonly key: string }
  | { readonly type: "and"; readonly statements: readonly WafStatement<A>[] }
  | { readonly type: "or"; readonly statements: readonly WafStatement<A>[] }
  | { readonly type: "not"; readonly statement: WafStatement<A> };

export interface ManagedGroupStatement<A> {
  readonly type: "managedGroup";
  readonly vendor: string;
  readonly name: string;
  readonly version?: string;
  readonly ruleActionOverrides: readonly { readonly name: string; readonly action: RuleAction }[];
  readonly scopeDown?: WafStatement<A>;
  readonly config?:
    | { readonly kind: "botControl"; readonly inspectionLevel: "COMMON" | "TARGETED" }
    | { readonly kind: "antiDdos"; readonly challenge: "ENABLED" | "DISABLED"; readonly sensitivityToBlock: "LOW" | "MEDIUM" | "HIGH" };
  /** The group's own capacity (not rendered; used by the estimate). */
  readonly groupWcu: number;
}

export interface RateBasedStatement<A> {
  readonly type: "rateBased";
  readonly limit: number;
  readonly windowSec: number;
  readonly aggregation: "IP" | "CONSTANT" | "CUSTOM_KEYS";
  readonly customKeys: readonly AggregationKey[];
  readonly scopeDown?: WafStatement<A>;
}

/** Custom responses the web ACL defines, referenced by key. */
export type ResponseBodyKey = "forbidden" | "rate-limited";

export type RuleAction =
  | { readonly type: "allow" }
  | { readonly type: "count" }
  | {
      readonly type: "block";
      readonly response: {
        readonly code: 403 | 429;
        readonly bodyKey: ResponseBodyKey;
        readonly headers: readonly { readonly name: string; readonly value: string }[];
      };
    };

interface RuleBase {
  readonly name: string;
  readonly priority: number;
  /** CloudWatch metric name of the rule (also enables sampled requests). */
  readonly metricName: string;
  /** Where the rule comes from in the `waf` settings (`["customRules", 2]`), for problems. */
  readonly source: readonly (string | number)[];
}

export type WafRule<A> =
  | (RuleBase & { readonly statement: ManagedGroupStatement<A>; readonly overrideAction: "none" | "count" })
  | (RuleBase & { readonly statement: RateBasedStatement<A> | WafStatement<A>; readonly action: RuleAction });

/** Which IP sets exist, by version; the builder references only those given. */
export interface IpSetArns<A> {
  readonly allowIpv4?: A;
  readonly allowIpv6?: A;
  readonly denyIpv4?: A;
  readonly denyIpv6?: A;
}

/** Placeholder ARNs, so the exact rules can be built (and budgeted) before the IP sets exist. */
export const PLACEHOLDER_IP_SET_ARNS: IpSetArns<string> = {
  allowIpv4: `arn:aws:wafv2:${EDGE_REGION}:123456789012:global/ipset/allow-ipv4/00000000-0000-0000-0000-000000000001`,
  allowIpv6: `arn:aws:wafv2:${EDGE_REGION}:123456789012:global/ipset/allow-ipv6/00000000-0000-0000-0000-000000000002`,
  denyIpv4: `arn:aws:wafv2:${EDGE_REGION}:123456789012:global/ipset/deny-ipv4/00000000-0000-0000-0000-000000000003`,
  denyIpv6: `arn:aws:wafv2:${EDGE_REGION}:123456789012:global/ipset/deny-ipv6/00000000-0000-0000-0000-000000000004`,
};
