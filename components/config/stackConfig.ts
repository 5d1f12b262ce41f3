import { PrivateIntegrationSettings, parsePrivateIntegrationConfig } from "../private-integration";
import { ShieldSettings, parseShieldConfig } from "../shield";
import { isAwsRegion } from "../shared/region";
import { WafSettings, parseWafConfig, wafLogBucketName } from "../waf";
import { ConfigError, Problems, isPlainObject } from "../shared/validation";
import { ApiConfig, parseApis } from "./apis";
import { CloudFrontQuotas, DistributionConfig, RawDistributionConfig, parseCloudFrontQuotas, parseDistribution } from "./distribution";
import { RawSignerConfig, SignerConfig, parseSigner } from "./signer";

/** The project's config namespace: keys are `edge-security:<key>` in `Pulumi.<stack>.yaml`. */
export const CONFIG_NAMESPACE = "edge-security";

/** Every key the stack reads; anything else under the namespace is reported as a typo. */
export const CONFIG_KEYS = [
  "apis",
  "manageApiGatewayAccount",
  "tags",
  "signerRuntime",
  "signerMemoryMb",
  "signerTimeoutSeconds",
  "signerArchitecture",
  "signerRetainOnDelete",
  "authorizationHeader",
  "priceClass",
  "viewerProtocolPolicy",
  "aliases",
  "certificateArn",
  "originReadTimeout",
  "originKeepaliveTimeout",
  "geoRestrictionType",
  "geoRestrictionLocations",
  "accessLogs",
  // Legacy logging keys: known, so that the access-log parser refuses them with the way forward.
  "loggingBucket",
  "loggingPrefix",
  "cacheBehaviorQuota",
  "originQuota",
  "waf",
  "shield",
  "privateIntegration",
] as const;

export type RawStackConfig = RawSignerConfig &
  RawDistributionConfig & { readonly apis?: unknown; readonly tags?: unknown; readonly waf?: unknown; readonly shield?: unknown; readonly privateIntegration?: unknown } & Readonly<Record<string, unknown>>;

/** The name of the private integration's API among the edge's origins and in the `apis` output. */
export const PRIVATE_API_NAME = "private";

/** Everything the program needs, typed and validated. */
export interface StackConfig {
  /** The stack's region (`aws:region`): the default for APIs the stack creates. */
  readonly region: string;
  readonly apis: readonly ApiConfig[];
  /** Manage API Gateway's per-region CloudWatch role setting (needed for REST/WebSocket access logs). */
  readonly manageApiGatewayAccount: boolean;
  readonly signer: SignerConfig;
  readonly distribution: DistributionConfig;
  readonly waf: WafSettings;
  readonly shield: ShieldSettings;
  /** Private microservices over VPC links, fronted by the same edge; absent when not configured. */
  readonly privateIntegration?: PrivateIntegrationSettings;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * Turns raw config (keys without the namespace, values JSON-decoded) into a StackConfig, or throws one
 * ConfigError naming every problem. Pure: no Pulumi or AWS calls.
 */
export function parseStackConfig(raw: RawStackConfig, region: unknown): StackConfig {
  const problems = new Problems();
  for (const key of Object.keys(raw)) {
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) problems.add(key, raw[key], `unknown key in ${CONFIG_NAMESPACE}; known keys: ${CONFIG_KEYS.join(", ")}`);
  }
  problems.check(isAwsRegion(region), "aws:region", region, 'required: the stack\'s AWS region, e.g. `pulumi config set aws:region eu-west-1`');
  const stackRegion = isAwsRegion(region) ? region : "us-east-1";

  const apis = parseApis(raw.apis, stackRegion, problems);
  const privateIntegration = parsePrivateIntegrationConfig(raw.privateIntegration, problems, "privateIntegration", stackRegion);
  if (privateIntegration) {
    apis.forEach((api, i) => problems.check(api.name !== PRIVATE_API_NAME, `apis[${i}].name`, api.name, `allowed: a name other than "${PRIVATE_API_NAME}", which the private integration's API takes`));
  }
  checkRoutes([
    ...apis.map((api, i) => ({ field: `apis[${i}].pathPattern`, pathPattern: api.pathPattern })),
    ...(privateIntegration ? [{ field: "privateIntegration.pathPrefix", pathPattern: `${privateIntegration.pathPrefix}/*` }] : []),
  ], parseCloudFrontQuotas(raw, problems), problems);

  // Shield first: its layer-7 mitigation decides the WAF's anti-DDoS group and capacity reserve.
  const shield = parseShieldConfig(raw.shield, problems);
  const waf = parseWafConfig(raw.waf, problems, { shieldMitigation: shield.layer7Mitigation });
  checkShieldNeeds(shield, waf, problems);

  const config: StackConfig = {
    region: stackRegion,
    apis,
    manageApiGatewayAccount: parseBoolean(raw.manageApiGatewayAccount, true, "manageApiGatewayAccount", problems),
    signer: parseSigner(raw, problems),
    distribution: parseDistribution(raw, problems),
    waf,
    shield,
    privateIntegration,
    tags: parseTags(raw.tags, problems),
  };
  problems.throwIfAny(`Invalid ${CONFIG_NAMESPACE} configuration`);
  return config;
}

/** What Shield needs from the WAF config, named in the config's own terms (EdgeShield checks the same on its arguments). */
function checkShieldNeeds(shield: ShieldSettings, waf: WafSettings, problems: Problems): void {
  if (!shield.enabled) return;
  problems.check(
    shield.layer7Mitigation === "none" || waf.kind !== "disabled",
    "waf.enabled",
    false,
    `required: a web ACL on the distribution, since shield.layer7Mitigation is "${shield.layer7Mitigation}" and its rules live there (or set it to "none")`,
  );
  problems.check(
    !(shield.srtAccess.enabled && shield.srtAccess.shareWafLogBucket) || wafLogBucketName(waf) !== undefined,
    "shield.srtAccess.shareWafLogBucket",
    true,
    "allowed only when waf.logging.destinationArn is an S3 bucket (arn:aws:s3:::aws-waf-logs-...), whose name the Shield Response Team is given",
  );
}

/**
 * CloudFront needs exactly one default behaviour (`*`), distinct path patterns, and room within the
 * account's quotas: one origin per API, two behaviours per prefixed API (`/p/*` and the bare `/p`).
 */
export function checkRoutes(
  routes: readonly { field: string; pathPattern: string }[],
  quotas: CloudFrontQuotas,
  problems: Problems,
): void {
  const seen = new Map<string, string>();
  for (const { field, pathPattern } of routes) {
    const first = seen.get(pathPattern);
    problems.check(first === undefined, field, pathPattern, `allowed: a path pattern not already used by ${first}`);
    if (first === undefined) seen.set(pathPattern, field);
  }
  if (routes.length === 0) {
    problems.add("apis", [], "required: at least one API to put behind the edge");
    return;
  }
  problems.check(seen.has("*"), "apis", routes.map((r) => r.pathPattern), 'required: exactly one API with pathPattern "*" (CloudFront\'s default behaviour)');
  const raise = "; an account with a raised quota sets";
  problems.check(routes.length <= quotas.origins, "apis", routes.length, `allowed: at most ${quotas.origins} APIs, one origin each (origins per distribution${raise} originQuota)`);
  const behaviors = 2 * routes.filter((r) => r.pathPattern !== "*").length;
  problems.check(
    behaviors <= quotas.cacheBehaviors,
    "apis",
    behaviors,
    `allowed: at most ${quotas.cacheBehaviors} cache behaviours per distribution, and each API on a prefix takes two (/prefix and /prefix/*)${raise} cacheBehaviorQuota`,
  );
}

function parseBoolean(raw: unknown, fallback: boolean, field: string, problems: Problems): boolean {
  if (raw === undefined) return fallback;
  problems.check(typeof raw === "boolean", field, raw, "allowed: true or false");
  return raw === true;
}

/** AWS's tag rules; 45 leaves room for the tags the stack adds itself within AWS's 50 per resource. */
const MAX_TAGS = 45;
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

function parseTags(raw: unknown, problems: Problems): Record<string, string> {
  if (raw === undefined) return {};
  if (!isPlainObject(raw) || !Object.values(raw).every((v) => typeof v === "string")) {
    problems.add("tags", raw, "allowed: a map of tag names to string values");
    return {};
  }
  const tags = raw as Record<string, string>;
  problems.check(Object.keys(tags).length <= MAX_TAGS, "tags", Object.keys(tags).length, `allowed: at most ${MAX_TAGS} tags`);
  for (const [key, value] of Object.entries(tags)) {
    problems.check(
      key.length >= 1 && key.length <= 128 && TAG_TEXT.test(key) && !key.toLowerCase().startsWith("aws:"),
      `tags.${key}`,
      key,
      "allowed: a key of 1-128 letters, digits, spaces and _ . : / = + - @, not starting with aws:",
    );
    problems.check(value.length <= 256 && TAG_TEXT.test(value), `tags.${key}`, value, "allowed: a value of up to 256 letters, digits, spaces and _ . : / = + - @");
  }
  return tags;
}

/** Keys whose values are plain strings: never JSON-decoded, so that e.g. `loggingPrefix: "2024"` stays a string. */
const STRING_KEYS: readonly string[] = [
  "signerRuntime", "signerArchitecture", "authorizationHeader", "priceClass", "viewerProtocolPolicy",
  "certificateArn", "geoRestrictionType", "loggingBucket", "loggingPrefix",
];

/** The project's keys (namespace removed) with decoded values, from all of a stack's config. */
export function namespaceConfig(all: Readonly<Record<string, string>>): Record<string, unknown> {
  const prefix = `${CONFIG_NAMESPACE}:`;
  return Object.fromEntries(
    Object.entries(all)
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, value]) => {
        const name = key.slice(prefix.length);
        return [name, STRING_KEYS.includes(name) ? value : decodeConfigValue(value)];
      }),
  );
}

/** Pulumi hands config values over as strings; structured, numeric and boolean values are JSON. */
export function decodeConfigValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export { ConfigError };
