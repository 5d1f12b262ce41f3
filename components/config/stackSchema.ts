/**
 * The stack file's `edge-security:*` keys as one schema: the same field schemas the components use,
 * under the flat names the stack file gives them (`signerMemoryMb` is the signer's `memoryMb`). The
 * output is nested the way the components take it.
 */
import { costSchema } from "../cost/costConfig";
import { z } from "zod";
import { DISTRIBUTED, GovernanceSettings, governanceSchema, governedShieldSchema, governedWafSchema } from "../governance";
import { privateIntegrationSchema } from "../private-integration/privateIntegrationSchema";
import { LEGACY_LOGGING } from "./accessLogs";
import { apisSchema } from "./apis";
import { distributionFields, distributionIssues, geoRestrictionFields, quotaFields } from "./distribution";
import { flag, strictObject } from "../shared/schema/fields";
import { signerArchitectureField, signerFields } from "./signer";
import { tagsSchema } from "./tags";
import { monitoringConfigSchema } from "../monitoring/monitoringConfig";
import { RateLimitProbe, ShieldMitigation } from "../waf/types";

export interface StackSchemaContext {
  /** The stack's region (`aws:region`): the default region of the APIs. */
  readonly region: string;
  /** Decides which Lambda runtimes are still created. */
  readonly now: Date;
  /** Shield's layer-7 mitigation, which reserves WAF capacity or adds the Anti-DDoS group. @default "none" */
  readonly shieldMitigation?: ShieldMitigation;
  /** The monitoring's rate-limit probe, a rule of the managed web ACL. @default none */
  readonly rateLimitProbe?: RateLimitProbe;
  /** The signer's `authorizationHeader`, which WAF rules may not read (the signer moves the viewer's Authorization there). @default the signer's default */
  readonly authorizationHeader?: string;
  /** The operating model, which decides what the stack's web ACL holds and who owns Shield. @default distributed */
  readonly governance?: GovernanceSettings;
}

/** Flat stack keys and the distribution setting each is (for naming cross-field problems by their key). */
const DISTRIBUTION_PATHS: Readonly<Record<string, readonly string[]>> = {
  geoRestrictionType: ["geoRestriction", "type"],
  geoRestrictionLocations: ["geoRestriction", "locations"],
};

/** What each key is for: the editor's hover text (stack-config.schema.json) and Pulumi.yaml's descriptions. */
export const KEY_DESCRIPTIONS = {
  apis: "The APIs to put behind the edge: ones the stack creates (a pet store demo behind each) or existing ones it only fronts.",
  manageApiGatewayAccount: "Manage API Gateway's per-region CloudWatch role setting, needed for REST and WebSocket access logs. Turn off where another stack manages it.",
  tags: "Tags on every taggable resource (the stack adds edge-security:stack).",
  signerRuntime: "Lambda@Edge runtime of the signer (nodejs22.x or nodejs24.x; runtimes Lambda no longer creates are refused).",
  signerMemoryMb: "Signer memory in MB (128-10240).",
  signerTimeoutSeconds: "Signer timeout in seconds (1-30, the origin-request limit).",
  signerArchitecture: "Lambda@Edge supports x86_64 only; any other value is rejected.",
  signerRetainOnDelete: "Keep the signer function on destroy, since CloudFront removes its replicas only hours later.",
  authorizationHeader: "Header that carries the viewer's own Authorization header to the API (the signer owns Authorization).",
  priceClass: "CloudFront price class (PriceClass_100, PriceClass_200 or PriceClass_All).",
  viewerProtocolPolicy: "https-only (plain HTTP gets 403) or redirect-to-https; a client that follows a redirect has already sent its token in clear.",
  aliases: "Custom domain names for the distribution; needs certificateArn.",
  certificateArn: "ACM certificate in us-east-1 for the aliases; viewers then need TLS 1.2 (TLSv1.2_2021).",
  originReadTimeout: "Seconds CloudFront waits for the API (4-60: the Lambda@Edge limit for the origin the signer returns).",
  originKeepaliveTimeout: "Seconds CloudFront keeps an idle connection to the API open (1-60, the same limit).",
  geoRestrictionType: "none, whitelist or blacklist.",
  geoRestrictionLocations: "ISO 3166-1 alpha-2 country codes for the geo restriction.",
  accessLogs: "CloudFront access logs (standard logging v2): to a log group the stack creates, or an existing S3 bucket, log group or Firehose stream.",
  cacheBehaviorQuota: "Your account's CloudFront cache behaviours per distribution (default quota 75; raise it in Service Quotas first).",
  originQuota: "Your account's CloudFront origins per distribution (default quota 100).",
  loggingBucket: "Not offered: legacy standard logging needs S3 ACLs; use accessLogs.",
  loggingPrefix: "Not offered: legacy standard logging needs S3 ACLs; use accessLogs.",
  waf: "The web ACL: managed rule groups, rate limits, logging (components/waf/README.md).",
  shield: "Shield Advanced (components/shield/README.md).",
  privateIntegration: "Private microservices over VPC links (components/private-integration/README.md).",
  governance: "Who owns the WAF and Shield: distributed (this stack), hybrid or centralized (the security team's Firewall Manager policies; components/governance/README.md).",
  cost: "Traffic the plan's monthly cost estimate assumes (components/cost/README.md).",
  monitoring: "Dashboard, alarms, signer log retention, the synthetic canary and the rate-limit probe rule (components/monitoring/README.md).",
} as const;

export function stackSchema(context: StackSchemaContext) {
  const signer = signerFields(context.now);
  const d = distributionFields;
  const legacy = z.undefined({ error: LEGACY_LOGGING }).optional();
  const governance = context.governance ?? DISTRIBUTED;
  return described({
    apis: apisSchema(context.region).optional(),
    manageApiGatewayAccount: flag().default(true),
    tags: tagsSchema.default({}),
    signerRuntime: signer.runtime,
    signerMemoryMb: signer.memoryMb,
    signerTimeoutSeconds: signer.timeoutSeconds,
    signerArchitecture: signerArchitectureField,
    signerRetainOnDelete: signer.retainOnDelete,
    authorizationHeader: signer.authorizationHeader,
    priceClass: d.priceClass,
    viewerProtocolPolicy: d.viewerProtocolPolicy,
    aliases: d.aliases,
    certificateArn: d.certificateArn,
    originReadTimeout: d.originReadTimeout,
    originKeepaliveTimeout: d.originKeepaliveTimeout,
    geoRestrictionType: geoRestrictionFields.type,
    geoRestrictionLocations: geoRestrictionFields.locations,
    accessLogs: d.accessLogs,
    cacheBehaviorQuota: quotaFields.cacheBehaviors,
    originQuota: quotaFields.origins,
    // Refused with the way forward, rather than as unknown keys.
    loggingBucket: legacy,
    loggingPrefix: legacy,
    waf: governedWafSchema({ shieldMitigation: context.shieldMitigation ?? "none", rateLimitProbe: context.rateLimitProbe, authorizationHeader: context.authorizationHeader }, governance).prefault({}),
    shield: governedShieldSchema(context.now, governance),
    privateIntegration: privateIntegrationSchema(context.region).optional(),
    governance: governanceSchema.prefault({}),
    cost: costSchema.prefault({}),
    monitoring: monitoringConfigSchema.prefault({}),
  })
    .transform((s) => ({
      apis: s.apis ?? [],
      manageApiGatewayAccount: s.manageApiGatewayAccount,
      tags: s.tags,
      signer: { runtime: s.signerRuntime, memoryMb: s.signerMemoryMb, timeoutSeconds: s.signerTimeoutSeconds, authorizationHeader: s.authorizationHeader, retainOnDelete: s.signerRetainOnDelete },
      distribution: {
        priceClass: s.priceClass,
        viewerProtocolPolicy: s.viewerProtocolPolicy,
        aliases: s.aliases,
        certificateArn: s.certificateArn,
        originReadTimeout: s.originReadTimeout,
        originKeepaliveTimeout: s.originKeepaliveTimeout,
        geoRestriction: { type: s.geoRestrictionType, locations: s.geoRestrictionLocations },
        accessLogs: s.accessLogs,
      },
      quotas: { cacheBehaviors: s.cacheBehaviorQuota, origins: s.originQuota },
      waf: s.waf,
      sections: { shield: s.shield, privateIntegration: s.privateIntegration, monitoring: s.monitoring },
      cost: s.cost,
      governance: s.governance,
    }))
    .superRefine((s, ctx) => {
      for (const issue of distributionIssues(s.distribution)) {
        const flatKey = Object.entries(DISTRIBUTION_PATHS).find(([, path]) => path.join(".") === issue.path.join("."))?.[0] ?? String(issue.path[0]);
        ctx.addIssue({ code: "custom", path: [flatKey], input: issue.input, message: issue.message });
      }
    });
}
export type StackKeys = z.output<ReturnType<typeof stackSchema>>;

/** The stack keys as one strict object, each key carrying its description. */
function described<Shape extends Record<keyof typeof KEY_DESCRIPTIONS, z.ZodType>>(shape: Shape) {
  const withDocs = Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema.meta({ description: KEY_DESCRIPTIONS[key as keyof typeof KEY_DESCRIPTIONS] })])) as unknown as Shape;
  return strictObject(withDocs);
}

/**
 * The stack keys whose values are plain strings. Pulumi hands every value over as a string and JSON-encodes
 * the others, so these must never be JSON-decoded (`priceClass: "2024"` stays a string). Read from the schema,
 * so a new string key cannot be forgotten.
 */
export const STRING_KEYS: readonly string[] = (() => {
  const shape = (stackSchema({ region: "us-east-1", now: new Date(0) }) as unknown as { in: { shape: Record<string, z.ZodType> } }).in.shape;
  const unwrap = (schema: z.core.$ZodType): z.core.$ZodType => {
    const def = schema._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
    return def.innerType ? unwrap(def.innerType) : def.type === "pipe" && def.in ? unwrap(def.in) : schema;
  };
  return Object.entries(shape).filter(([, schema]) => ["string", "enum", "literal"].includes(unwrap(schema)._zod.def.type)).map(([key]) => key);
})();

