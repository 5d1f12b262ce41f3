import { z } from "zod";
import { DEFAULT_LOG_RETENTION_DAYS, LOG_RETENTION_DAYS } from "../shared/logRetention";
import { AWS_REGIONS } from "../shared/region";
import { choice, flag, strictObject, text } from "../shared/schema/fields";
import { ApiKind } from "../shared/types";
import { oneOf } from "../shared/validation";

export const API_KINDS = ["REST", "HTTP", "WEBSOCKET"] as const satisfies readonly ApiKind[];
export const DEFAULT_THROTTLE = { rateLimit: 100, burstLimit: 200 } as const;

/** CloudFront and Lambda@Edge live in the standard partition and cannot sign for GovCloud or China. */
export const STANDARD_REGIONS = AWS_REGIONS.filter((r) => !/^(us-gov|cn)-/.test(r)) as [string, ...string[]];
export const regionField = z.enum(STANDARD_REGIONS, {
  error: 'allowed: a region of the standard AWS partition such as "eu-west-1" (CloudFront and Lambda@Edge cannot sign for GovCloud or China)',
});

const NAME = /^[a-z][a-z0-9-]{0,31}$/;
const STAGE = /^[A-Za-z0-9_-]{1,128}$/;
const API_ID = /^[a-z0-9]{10}$/;
/** `*`, or `/segment[/segment...]/*` with unreserved characters, no wildcard inside and no `.`/`..` segments. */
export const PATH_PATTERN = /^(\*|(\/(?!\.{1,2}\/)[A-Za-z0-9_.~-]+)+\/\*)$/;
export const pathPatternField = text(PATH_PATTERN, 'allowed: "*" or "/<prefix>/*" such as "/orders/*"');

/** Stage throttling: steady-state requests per second and burst size (API Gateway's default account quotas bound both). */
export const throttleSchema = strictObject({
  rateLimit: z
    .number({ error: "allowed: requests per second, more than 0 and at most 10000 (the default account quota)" })
    .gt(0, { error: "allowed: requests per second, more than 0 and at most 10000 (the default account quota)" })
    .max(10000, { error: "allowed: requests per second, more than 0 and at most 10000 (the default account quota)" })
    .default(DEFAULT_THROTTLE.rateLimit),
  burstLimit: z
    .number({ error: "allowed: a whole number from 1 to 5000 (the default account quota)" })
    .int({ error: "allowed: a whole number from 1 to 5000 (the default account quota)" })
    .min(1, { error: "allowed: a whole number from 1 to 5000 (the default account quota)" })
    .max(5000, { error: "allowed: a whole number from 1 to 5000 (the default account quota)" })
    .default(DEFAULT_THROTTLE.burstLimit),
});
export type ThrottleConfig = z.output<typeof throttleSchema>;

/** Retention of a created API's access-log group, in days. */
export const logRetentionDaysField = z.literal(LOG_RETENTION_DAYS, { error: oneOf(LOG_RETENTION_DAYS) }).default(DEFAULT_LOG_RETENTION_DAYS);

/** An API's name: it keys child resources and output entries. */
export const apiNameField = text(NAME, "allowed: 1-32 lowercase letters, digits or '-', starting with a letter");

const common = {
  name: apiNameField,
  kind: choice(API_KINDS),
  stage: z.string({ error: 'allowed: 1-128 letters, digits, "-" or "_"' }).optional(),
  /** The API's region, which is also the SigV4 signing region. @default the stack's region */
  region: regionField.optional(),
  /** CloudFront path pattern: `*` (the default behaviour) or `/<prefix>/*`. */
  pathPattern: pathPatternField.default("*"),
};

/** Only REST APIs have a resource policy to restrict. */
export function checkRestrictToSigner(api: { kind: ApiKind; restrictToSigner?: boolean }, ctx: z.RefinementCtx): void {
  if (api.restrictToSigner && api.kind !== "REST") {
    ctx.addIssue({ code: "custom", path: ["restrictToSigner"], input: true, message: "allowed only for REST APIs (HTTP and WebSocket APIs have no resource policy)" });
  }
}

/** An API names its region unless there is a default one. */
function checkRegion(api: { region?: string }, defaultRegion: string | undefined, ctx: z.RefinementCtx): void {
  if (api.region === undefined && defaultRegion === undefined) {
    ctx.addIssue({ code: "custom", path: ["region"], input: undefined, message: 'required: the API\'s region, such as "eu-west-1" (no default region was given)' });
  }
}

/** A named stage for REST and WebSocket; HTTP APIs default to (and alone may use) `$default`. */
export function checkStage(api: { kind: ApiKind; stage?: string }, ctx: z.RefinementCtx): void {
  if (api.stage === undefined) {
    if (api.kind !== "HTTP") ctx.addIssue({ code: "custom", path: ["stage"], input: undefined, message: `required for ${api.kind} APIs: a stage name such as "prod"` });
    return;
  }
  const ok = api.stage === "$default" ? api.kind === "HTTP" : STAGE.test(api.stage);
  if (!ok) {
    const message = api.kind === "HTTP" ? 'allowed: "$default" or 1-128 letters, digits, "-" or "_"' : 'allowed: 1-128 letters, digits, "-" or "_" ("$default" is for HTTP APIs only)';
    ctx.addIssue({ code: "custom", path: ["stage"], input: api.stage, message });
  }
}

/** An API this stack creates, with the pet store demo backend behind it. */
const createdApi = (defaultRegion: string | undefined) =>
  strictObject({
    ...common,
    existing: z.literal(false).optional(),
    throttle: throttleSchema.default(DEFAULT_THROTTLE),
    logRetentionDays: logRetentionDaysField,
    apiId: z.undefined({ error: "allowed only with existing: true (an API the stack fronts but does not create)" }).optional(),
  })
    .superRefine((api, ctx) => {
      checkRegion(api, defaultRegion, ctx);
      checkStage(api, ctx);
    })
    .transform(({ apiId: _unused, ...api }) => ({ ...api, existing: false as const, stage: api.stage ?? "$default", region: (api.region ?? defaultRegion) as string }));

/** An API an application team owns; the stack fronts it and lets the signer invoke it. */
const existingApi = (defaultRegion: string | undefined) =>
  strictObject({
    ...common,
    existing: z.literal(true),
    apiId: text(API_ID, 'required for an existing API: its 10-character API ID such as "a1b2c3d4e5"'),
    /** REST only: replace the API's resource policy with one that admits only the signer's role. */
    restrictToSigner: flag().default(false),
  })
    .superRefine((api, ctx) => {
      checkRegion(api, defaultRegion, ctx);
      checkStage(api, ctx);
      checkRestrictToSigner(api, ctx);
    })
    .transform((api) => ({ ...api, stage: api.stage ?? "$default", region: (api.region ?? defaultRegion) as string }));

/** One API entry; `defaultRegion` is the stack's `aws:region` (undefined: every API names its region). */
export function apiSchema(defaultRegion?: string) {
  return z.discriminatedUnion("existing", [createdApi(defaultRegion), existingApi(defaultRegion)], {
    error: "allowed: an object { name, kind, stage, pathPattern, ... }",
  });
}

/** `edge-security:apis`: the APIs behind the edge, names unique. */
export function apisSchema(defaultRegion?: string) {
  return z
    .array(apiSchema(defaultRegion), { error: "allowed: a list of API entries ({ name, kind, stage, pathPattern, ... })" })
    .superRefine((apis, ctx) => {
      const seen = new Set<string>();
      apis.forEach((api, i) => {
        if (seen.has(api.name)) ctx.addIssue({ code: "custom", path: [i, "name"], input: api.name, message: "allowed: a name not used by another API" });
        seen.add(api.name);
      });
    });
}
export type ApiInput = z.input<ReturnType<typeof apiSchema>>;
export type ApiConfig = z.output<ReturnType<typeof apiSchema>>;
export type CreatedApiConfig = Extract<ApiConfig, { existing: false }>;
export type ExistingApiConfig = Extract<ApiConfig, { existing: true }>;

/** The URI prefix a path pattern routes, e.g. `/orders` for `/orders/*`; undefined for the default `*`. */
export function pathPrefixOf(pathPattern: string): string | undefined {
  return pathPattern === "*" ? undefined : pathPattern.slice(0, -2);
}
