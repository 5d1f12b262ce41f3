import { ApiKind } from "../shared/types";
import { DEFAULT_LOG_RETENTION_DAYS, LOG_RETENTION_DAYS } from "../shared/logRetention";
import { isAwsRegion } from "../shared/region";
import { Problems, checkKnownKeys, isPlainObject, oneOf } from "../shared/validation";

export const API_KINDS: readonly ApiKind[] = ["REST", "HTTP", "WEBSOCKET"];

/** Stage throttling: steady-state requests per second and burst size. */
export interface ThrottleConfig {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

interface ApiConfigBase {
  readonly name: string;
  readonly kind: ApiKind;
  readonly stage: string;
  readonly region: string;
  /** CloudFront path pattern: `*` (the default behaviour) or `/<prefix>/*`. */
  readonly pathPattern: string;
}

/** An API this stack creates, with the pet store demo backend behind it. */
export interface CreatedApiConfig extends ApiConfigBase {
  readonly existing: false;
  readonly throttle: ThrottleConfig;
  readonly logRetentionDays: number;
}

/** An API an application team owns; the stack fronts it and lets the signer invoke it. */
export interface ExistingApiConfig extends ApiConfigBase {
  readonly existing: true;
  readonly apiId: string;
  /** REST only: replace the API's resource policy with one that admits only the signer's role. */
  readonly restrictToSigner: boolean;
}

export type ApiConfig = CreatedApiConfig | ExistingApiConfig;

export const DEFAULT_THROTTLE: ThrottleConfig = { rateLimit: 100, burstLimit: 200 };

const NAME = /^[a-z][a-z0-9-]{0,31}$/;
const STAGE = /^[A-Za-z0-9_-]{1,128}$/;
const API_ID = /^[a-z0-9]{10}$/;
/** `*`, or `/segment[/segment...]/*` with unreserved characters, no wildcard inside and no `.`/`..` segments. */
const PATH_PATTERN = /^(\*|(\/(?!\.{1,2}\/)[A-Za-z0-9_.~-]+)+\/\*)$/;

// `apiId` is listed so that it gets its own, clearer problem below.
const CREATED_KEYS = ["name", "kind", "stage", "region", "pathPattern", "throttle", "logRetentionDays", "apiId"];
const EXISTING_KEYS = ["name", "kind", "existing", "apiId", "stage", "region", "pathPattern", "restrictToSigner"];

/** Parses `edge-security:apis`, recording every problem; `defaultRegion` is the stack's `aws:region`. */
export function parseApis(raw: unknown, defaultRegion: string, problems: Problems, field = "apis"): ApiConfig[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.add(field, raw, "allowed: a list of API entries ({ name, kind, stage, pathPattern, ... })");
    return [];
  }
  const apis = raw.map((entry, i) => parseApi(entry, defaultRegion, problems, `${field}[${i}]`)).filter((a): a is ApiConfig => !!a);
  const names = new Set<string>();
  apis.forEach((api, i) => {
    problems.check(!names.has(api.name), `${field}[${i}].name`, api.name, "allowed: a name not used by another API");
    names.add(api.name);
  });
  return apis;
}

function parseApi(raw: unknown, defaultRegion: string, problems: Problems, field: string): ApiConfig | undefined {
  if (!isPlainObject(raw)) {
    problems.add(field, raw, "allowed: an object { name, kind, stage, pathPattern, ... }");
    return undefined;
  }
  const existing = raw.existing === true;
  problems.check(raw.existing === undefined || typeof raw.existing === "boolean", `${field}.existing`, raw.existing, "allowed: true or false");
  checkKnownKeys(problems, field, raw, existing ? EXISTING_KEYS : CREATED_KEYS);

  const name = typeof raw.name === "string" ? raw.name : "";
  problems.check(NAME.test(name), `${field}.name`, raw.name, "allowed: 1-32 lowercase letters, digits or '-', starting with a letter");
  const kind = raw.kind as ApiKind;
  problems.check(API_KINDS.includes(kind), `${field}.kind`, raw.kind, oneOf(API_KINDS));

  const stage = raw.stage ?? (kind === "HTTP" ? "$default" : undefined);
  if (stage === undefined) {
    problems.add(`${field}.stage`, stage, `required for ${kind} APIs: a stage name such as "prod"`);
  } else {
    problems.check(
      stage === "$default" ? kind === "HTTP" : typeof stage === "string" && STAGE.test(stage),
      `${field}.stage`,
      stage,
      kind === "HTTP" ? 'allowed: "$default" or 1-128 letters, digits, "-" or "_"' : 'allowed: 1-128 letters, digits, "-" or "_" ("$default" is for HTTP APIs only)',
    );
  }

  const region = raw.region ?? defaultRegion;
  problems.check(
    isAwsRegion(region) && !/^(us-gov|cn)-/.test(region),
    `${field}.region`,
    region,
    'allowed: a region of the standard AWS partition such as "eu-west-1" (CloudFront and Lambda@Edge cannot sign for GovCloud or China)',
  );
  const pathPattern = raw.pathPattern ?? "*";
  problems.check(typeof pathPattern === "string" && PATH_PATTERN.test(pathPattern), `${field}.pathPattern`, pathPattern, 'allowed: "*" or "/<prefix>/*" such as "/orders/*"');

  const base = { name, kind, stage: String(stage), region: String(region), pathPattern: String(pathPattern) };
  if (existing) {
    problems.check(typeof raw.apiId === "string" && API_ID.test(raw.apiId), `${field}.apiId`, raw.apiId, "required for an existing API: its 10-character API ID such as \"a1b2c3d4e5\"");
    const restrictToSigner = raw.restrictToSigner ?? false;
    problems.check(typeof restrictToSigner === "boolean", `${field}.restrictToSigner`, restrictToSigner, "allowed: true or false");
    problems.check(!(restrictToSigner === true && kind !== "REST"), `${field}.restrictToSigner`, restrictToSigner, "allowed only for REST APIs (HTTP and WebSocket APIs have no resource policy)");
    return { ...base, existing: true, apiId: String(raw.apiId), restrictToSigner: restrictToSigner === true };
  }
  if (raw.apiId !== undefined) problems.add(`${field}.apiId`, raw.apiId, "allowed only with existing: true (an API the stack fronts but does not create)");
  return { ...base, existing: false, throttle: parseThrottle(raw.throttle, problems, `${field}.throttle`), logRetentionDays: parseRetention(raw.logRetentionDays, problems, `${field}.logRetentionDays`) };
}

function parseThrottle(raw: unknown, problems: Problems, field: string): ThrottleConfig {
  if (raw === undefined) return DEFAULT_THROTTLE;
  if (!isPlainObject(raw)) {
    problems.add(field, raw, "allowed: { rateLimit, burstLimit }");
    return DEFAULT_THROTTLE;
  }
  checkKnownKeys(problems, field, raw, ["rateLimit", "burstLimit"]);
  const rateLimit = raw.rateLimit ?? DEFAULT_THROTTLE.rateLimit;
  const burstLimit = raw.burstLimit ?? DEFAULT_THROTTLE.burstLimit;
  problems.check(typeof rateLimit === "number" && rateLimit > 0 && rateLimit <= 10000, `${field}.rateLimit`, rateLimit, "allowed: requests per second, more than 0 and at most 10000 (the default account quota)");
  problems.check(Number.isInteger(burstLimit) && (burstLimit as number) > 0 && (burstLimit as number) <= 5000, `${field}.burstLimit`, burstLimit, "allowed: a whole number from 1 to 5000 (the default account quota)");
  return { rateLimit: Number(rateLimit), burstLimit: Number(burstLimit) };
}

function parseRetention(raw: unknown, problems: Problems, field: string): number {
  if (raw === undefined) return DEFAULT_LOG_RETENTION_DAYS;
  problems.check(LOG_RETENTION_DAYS.includes(raw as never), field, raw, oneOf(LOG_RETENTION_DAYS));
  return Number(raw);
}

/** The URI prefix a path pattern routes, e.g. `/orders` for `/orders/*`; undefined for the default `*`. */
export function pathPrefixOf(pathPattern: string): string | undefined {
  return pathPattern === "*" ? undefined : pathPattern.slice(0, -2);
}
