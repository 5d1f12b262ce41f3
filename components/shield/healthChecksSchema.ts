/**
 * `shield.healthChecks`: the Route 53 health checks Shield's health-based detection watches. The CloudFront
 * 5xx check is on by default; the HTTPS check is off (its path is the application's to choose).
 */
import { z } from "zod";
import { isDnsName } from "../shared/dns";
import { intIn, strictObject } from "../shared/schema/fields";
import { isPlainObject, oneOf } from "../shared/validation";
import { HEALTH_CHECK_INTERVALS } from "./settings";

/** Route 53 limits: resource path up to 255 characters, failure threshold 1-10. */
const MAX_HEALTH_PATH_LENGTH = 255;

export const DEFAULT_5XX_THRESHOLD_PERCENT = 5;
export const DEFAULT_5XX_EVALUATION_PERIODS = 3;

export function isHealthCheckPath(text: string): boolean {
  return text.startsWith("/") && text.length <= MAX_HEALTH_PATH_LENGTH && !/\s/.test(text);
}

const THRESHOLD = "allowed: a number above 0 and at most 100 (percent of requests)";

/** CloudWatch alarm on CloudFront's `5xxErrorRate`, watched by a CLOUDWATCH_METRIC health check. */
const cloudfront5xxFields = strictObject({
  thresholdPercent: z.number({ error: THRESHOLD }).gt(0, { error: THRESHOLD }).max(100, { error: THRESHOLD }).default(DEFAULT_5XX_THRESHOLD_PERCENT),
  /** Consecutive 60-second periods above the threshold before the alarm (and the health check) turns unhealthy. */
  evaluationPeriods: intIn(1, 30, "allowed: a whole number of 60-second periods from 1 to 30").default(DEFAULT_5XX_EVALUATION_PERIODS),
});
export const DEFAULT_5XX = cloudfront5xxFields.parse({});

const SWITCH = "allowed: true, false or an object { thresholdPercent, evaluationPeriods }";

/**
 * `true` (the defaults), `false` (off) or the alarm's settings; the output is `false` or the settings, which
 * parse again to themselves. Anything but a boolean or an object is refused up front, so the problem names
 * all three forms rather than the one the union tried last.
 */
export const cloudfront5xxSchema = z
  .custom<boolean | z.input<typeof cloudfront5xxFields>>((v) => typeof v === "boolean" || isPlainObject(v), { error: SWITCH })
  .pipe(z.union([cloudfront5xxFields, z.boolean()]))
  .transform((v) => (v === true ? DEFAULT_5XX : v))
  .default(DEFAULT_5XX);

const PATH = `allowed: a path starting with "/", e.g. "/health", without spaces, at most ${MAX_HEALTH_PATH_LENGTH} characters`;
const INTERVAL = `${oneOf(HEALTH_CHECK_INTERVALS)} (seconds between checks)`;
const FQDN = "allowed: a host name such as api.example.com (no scheme, no path)";

/** Route 53 HTTPS check of a path through CloudFront (WAF, signer and API included). */
export const httpsHealthCheckSchema = strictObject({
  path: z.string({ error: PATH }).refine(isHealthCheckPath, { error: PATH }),
  /** Host to check, e.g. the distribution's alias; the distribution's own domain name when absent. */
  fqdn: z.string({ error: FQDN }).refine((t) => isDnsName(t.toLowerCase()), { error: FQDN }).optional(),
  /** 10 s is a "fast" check at a higher price. A number first, so a quoted one is explained. */
  requestIntervalSeconds: z.number({ error: INTERVAL }).pipe(z.literal(HEALTH_CHECK_INTERVALS, { error: INTERVAL })).default(30),
  failureThreshold: intIn(1, 10, "allowed: a whole number of failed checks from 1 to 10").default(3),
});

export const healthChecksSchema = strictObject({
  cloudfront5xx: cloudfront5xxSchema,
  /** Off unless given. */
  https: httpsHealthCheckSchema.optional(),
});
