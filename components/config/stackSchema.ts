/**
 * The stack file's `edge-security:*` keys as one schema: the same field schemas the components use,
 * under the flat names the stack file gives them (`signerMemoryMb` is the signer's `memoryMb`). The
 * output is nested the way the components take it.
 */
import { z } from "zod";
import { privateIntegrationSchema } from "../private-integration/privateIntegrationSchema";
import { LEGACY_LOGGING } from "./accessLogs";
import { apisSchema } from "./apis";
import { distributionFields, distributionIssues, geoRestrictionFields, quotaFields } from "./distribution";
import { flag, strictObject } from "../shared/schema/fields";
import { signerArchitectureField, signerFields } from "./signer";
import { tagsSchema } from "./tags";

export interface StackSchemaContext {
  /** The stack's region (`aws:region`): the default region of the APIs. */
  readonly region: string;
  /** Decides which Lambda runtimes are still created. */
  readonly now: Date;
}

/** Flat stack keys and the distribution setting each is (for naming cross-field problems by their key). */
const DISTRIBUTION_PATHS: Readonly<Record<string, readonly string[]>> = {
  geoRestrictionType: ["geoRestriction", "type"],
  geoRestrictionLocations: ["geoRestriction", "locations"],
};

export function stackSchema(context: StackSchemaContext) {
  const signer = signerFields(context.now);
  const d = distributionFields;
  const legacy = z.undefined({ error: LEGACY_LOGGING }).optional();
  return strictObject({
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
    // Each section parses its own key.
    waf: z.unknown().optional(),
    shield: z.unknown().optional(),
    privateIntegration: privateIntegrationSchema(context.region).optional(),
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
      sections: { waf: s.waf, shield: s.shield, privateIntegration: s.privateIntegration },
    }))
    .superRefine((s, ctx) => {
      for (const issue of distributionIssues(s.distribution)) {
        const flatKey = Object.entries(DISTRIBUTION_PATHS).find(([, path]) => path.join(".") === issue.path.join("."))?.[0] ?? String(issue.path[0]);
        ctx.addIssue({ code: "custom", path: [flatKey], input: issue.input, message: issue.message });
      }
    });
}
export type StackKeys = z.output<ReturnType<typeof stackSchema>>;
