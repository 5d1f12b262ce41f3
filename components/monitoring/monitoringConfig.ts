/**
 * The `edge-security:monitoring` section: dashboard, alarms and their email recipients, the signer's log
 * groups, the opt-in synthetic canary, CloudFront's additional metrics, per-API probes and the opt-in
 * rate-limit probe rule. One declarative schema for stack files and library users (`parseWith`).
 */
import { z } from "zod";
import { flag, intIn, listOf, strictObject, text } from "../shared/schema/fields";
import { parseWith } from "../shared/schema/parse";
import { DEFAULT_LOG_RETENTION_DAYS, LOG_RETENTION_DAYS } from "../shared/logRetention";
import { AWS_REGIONS } from "../shared/region";
import { isEmailAddress } from "../shield/contacts";
import { REGIONAL_EDGE_CACHE_REGIONS } from "./edgeRegions";
import { NOT_403 } from "../../edge-functions/canary/src/targets";
import { rateLimitProbeSchema } from "./rateLimitProbe";

/**
 * The newest Synthetics runtime without a browser (Lambda Node.js 22) on 2026-12-01, per "Runtime versions using
 * Node.js" (docs/aws-facts.md, Logging and monitoring): the canary is plain Node http/https, so no Puppeteer/Playwright.
 */
export const DEFAULT_CANARY_RUNTIME = "syn-nodejs-5.4";
/** syn-nodejs-3.x runs Lambda's Node.js 20, whose Lambda runtime is deprecated; 4.0 and later run Node.js 22. */
const MIN_CANARY_RUNTIME_MAJOR = 4;
/** Synthetics keeps run data 1 to 455 days (CreateCanary SuccessRetentionPeriodInDays / FailureRetentionPeriodInDays). */
const MAX_RETENTION_DAYS = 455;
/** Synthetics stops a run after at most 840 s; AWS advises no less than 15 s for cold starts. */
const CANARY_TIMEOUT = { min: 15, max: 840 } as const;

const API_NAME = /^[a-z][a-z0-9-]{0,31}$/;
const LOG_GROUP = /^[A-Za-z0-9_\-/.#]{1,512}$/;
const PROBE_PATH = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]{0,1023}$/;

const email = z.string({ error: "allowed: an email address such as ops@example.com" })
  .refine(isEmailAddress, { error: "allowed: an email address such as ops@example.com (at most 150 characters)" });
const region = z.enum(AWS_REGIONS as unknown as [string, ...string[]], { error: "allowed: an AWS Region code such as eu-west-1" });
const retentionDays = z.number({ error: `allowed: one of ${LOG_RETENTION_DAYS.join(", ")} (CloudWatch Logs retention in days)` })
  .refine((v) => (LOG_RETENTION_DAYS as readonly number[]).includes(v), { error: `allowed: one of ${LOG_RETENTION_DAYS.join(", ")} (CloudWatch Logs retention in days)` });
const unique = <T>(list: readonly T[]) => new Set(list).size === list.length;

/** How one API is probed and measured, where the stack cannot know it (existing APIs) or the default does not fit. */
export const apiMonitoringSchema = strictObject({
  /** Probed through the edge and directly, relative to the stage root: a route with a method. @default pet store APIs: /pets; required for others */
  path: text(PROBE_PATH, "allowed: a path starting with /, relative to the API's stage root, e.g. /health").optional(),
  /** The status a healthy API answers there through the edge, never 403 (an unsigned call's answer). @default pet store: 200; others: 2xx */
  expectStatus: intIn(100, 599, "allowed: an HTTP status from 100 to 599").refine((v) => v !== 403, { error: NOT_403 }).optional(),
  /** REST only: the API's name, which REST metrics are keyed by (dimension ApiName). Required for existing REST APIs. */
  restApiName: text(/^[^\s].{0,1023}$/, "allowed: the REST API's name as API Gateway shows it").optional(),
  /** The API's JSON access-log group in its own Region, for the signer-403 metric filters. @default the group the stack created */
  accessLogGroupName: text(LOG_GROUP, "allowed: a CloudWatch Logs group name (letters, digits, _ - / . #, at most 512)").optional(),
});

export const canarySchema = strictObject({
  enabled: flag().default(false),
  /** Minutes between runs. */
  rateMinutes: intIn(1, 60, "allowed: a whole number of minutes from 1 to 60").default(5),
  runtimeVersion: text(/^syn-nodejs-\d+\.\d+$/, "allowed: a Synthetics Node.js runtime without a browser, e.g. syn-nodejs-5.4")
    .refine((v) => Number(v.split("-")[2].split(".")[0]) >= MIN_CANARY_RUNTIME_MAJOR, {
      error: `allowed: syn-nodejs-${MIN_CANARY_RUNTIME_MAJOR}.0 or later (earlier ones run Lambda's deprecated Node.js 20)`,
    })
    .default(DEFAULT_CANARY_RUNTIME),
  timeoutSeconds: intIn(CANARY_TIMEOUT.min, CANARY_TIMEOUT.max, `allowed: ${CANARY_TIMEOUT.min} to ${CANARY_TIMEOUT.max} seconds`).default(60),
  /** Days Synthetics keeps run data and the artifact bucket keeps artifacts. */
  retentionDays: intIn(1, MAX_RETENTION_DAYS, `allowed: 1 to ${MAX_RETENTION_DAYS} days`).default(31),
  /** The alarm fires when SuccessPercent falls below this in two consecutive runs. */
  alarmBelowPercent: intIn(1, 100, "allowed: a whole percentage from 1 to 100").default(90),
}).refine((c) => c.timeoutSeconds <= c.rateMinutes * 60, {
  error: "allowed: timeoutSeconds no longer than the interval between runs (rateMinutes x 60)",
  path: ["timeoutSeconds"],
});

/** The signer's log groups (SignerLogGroups): their retention and the Regions its replicas log in. */
export const signerLogsSchema = strictObject({
  retentionDays: retentionDays.default(DEFAULT_LOG_RETENTION_DAYS),
  /** Where the signer's replicas log. @default the Regions with CloudFront regional edge caches */
  regions: listOf(region, "allowed: a list of AWS Region codes").min(1, { error: "required: at least one Region" })
    .refine(unique, { error: "allowed: each Region once" }).default([...REGIONAL_EDGE_CACHE_REGIONS]),
});
export type SignerLogsInput = z.input<typeof signerLogsSchema>;

export const monitoringConfigSchema = strictObject({
  /** `false` creates nothing of this section. */
  enabled: flag().default(true),
  /** Each address confirms its SNS subscription; the same addresses are subscribed in every Region that has alarms. */
  notifications: strictObject({
    emails: listOf(email, "allowed: a list of email addresses").refine(unique, { error: "allowed: each address once" }).default([]),
  }).prefault({}),
  dashboard: flag().default(true),
  alarms: strictObject({
    enabled: flag().default(true),
    /** CloudFront 5xxErrorRate (percent) above which the edge alarm fires. */
    edge5xxRatePercent: z.number({ error: "allowed: a percentage above 0, at most 100" }).gt(0, { error: "allowed: a percentage above 0, at most 100" })
      .lte(100, { error: "allowed: a percentage above 0, at most 100" }).default(5),
    /** Consecutive one-minute periods above the threshold. */
    evaluationPeriods: intIn(1, 30, "allowed: 1 to 30 one-minute periods").default(3),
    /** Width of the WAF blocked-requests anomaly band, in standard deviations. */
    wafBlockedBand: z.number({ error: "allowed: 1 to 10 standard deviations" }).min(1, { error: "allowed: 1 to 10 standard deviations" })
      .max(10, { error: "allowed: 1 to 10 standard deviations" }).default(3),
  }).prefault({}),
  signerLogs: signerLogsSchema.prefault({}),
  canary: canarySchema.prefault({}),
  /** CloudFront's additional metrics (origin latency, per-status error rates): billed per distribution. */
  additionalMetrics: flag().default(false),
  apis: z.record(text(API_NAME, "allowed: the name of an API in edge-security:apis"), apiMonitoringSchema, { error: "allowed: a map of API names to probe settings" })
    .default({}),
  rateLimitProbe: rateLimitProbeSchema.prefault({}),
});

export type MonitoringConfigInput = z.input<typeof monitoringConfigSchema>;
export type MonitoringSettings = z.output<typeof monitoringConfigSchema>;
export type CanarySettings = MonitoringSettings["canary"];
export type ApiMonitoringSettings = z.output<typeof apiMonitoringSchema>;

/** Parses the section as the stack file has it (absent: every default), or throws one ConfigError naming every problem. */
export function parseMonitoringConfig(raw: unknown): MonitoringSettings {
  return parseWith(monitoringConfigSchema, raw ?? {}, "edge-security:monitoring", ["monitoring"]);
}
