import { MonitoringSettings, monitoringConfigSchema } from "../monitoring/monitoringConfig";
import { monitoringConfigProblems } from "../monitoring/monitoringConfigProblems";
import { configuredRateLimitProbe } from "../monitoring/rateLimitProbe";
import { DISTRIBUTED, GovernanceSettings, governanceSchema } from "../governance";
import { PrivateIntegrationSettings, planPrivateIntegration } from "../private-integration";
import { SHIELD_OFF, ShieldSettings, shieldKeySchema } from "../shield";
import { isAwsRegion } from "../shared/region";
import { fieldName, problemsFrom, valueAt } from "../shared/schema/problems";
import { RateLimitProbe, WafInput, WafSettings, viewerPathIssues } from "../waf";
import { shieldNeedsProblems } from "../edge/shieldNeeds";
import { ConfigError, Problem, Problems } from "../shared/validation";
import { PETSTORE_ROUTES } from "../api/routes";
import type { CostTraffic } from "../cost/costConfig";
import { ApiConfig } from "./apis";
import { CloudFrontQuotas, DistributionConfig } from "./distribution";
import { CONFIG_NAMESPACE, projectConfig } from "./namespace";
import { Route, routeIssues } from "./routes";
import { SignerConfig, signerFields } from "./signer";
import { stackSchema } from "./stackSchema";
import { pulumiSecretKeys } from "./pulumiSecretKeys";

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
  /** The account's CloudFront quotas per distribution (the defaults, or raised ones the stack states). */
  readonly quotas: CloudFrontQuotas;
  readonly waf: WafSettings;
  /** The `waf` key as written (absent: undefined), for EdgeProtection, which parses it with the same context into `waf`. */
  readonly wafInput?: WafInput;
  /** The monitoring's rate-limit probe, which `waf` holds as a rule; EdgeProtection's `rateLimitProbe`. */
  readonly rateLimitProbe?: RateLimitProbe;
  readonly shield: ShieldSettings;
  /** Private microservices over VPC links, fronted by the same edge; absent when not configured. */
  readonly privateIntegration?: PrivateIntegrationSettings;
  /** Dashboard, alarms, signer log groups, canary; its rate-limit probe is in `waf` (a rule of the managed web ACL). */
  readonly monitoring: MonitoringSettings;
  readonly tags: Readonly<Record<string, string>>;
  /** The operating model (components/governance): EdgeProtection takes its per-model decisions from it. */
  readonly governance: GovernanceSettings;
  /** Traffic the plan's cost estimate assumes (no resource depends on it). */
  readonly cost: CostTraffic;
}

/** What a problem shows instead of a secret's value. */
const SECRET_VALUE = "[secret]";

export interface ParseOptions {
  /** Decides which Lambda runtimes are still created. @default new Date() */
  readonly now?: Date;
  /** Problems found before parsing (e.g. keys in the wrong namespace), reported with the rest. */
  readonly problems?: readonly Problem[];
  /** Keys (without namespace) whose values are Pulumi secrets: a problem there never prints the value. */
  readonly secretKeys?: readonly string[];
  /**
   * The Pulumi project and stack the config is for, which scope the rate-limit probe's token (`pulumi.getProject()`,
   * `pulumi.getStack()`). @default project edge-security, no stack name: a token fit only for plans and tests
   */
  readonly stack?: { readonly project: string; readonly name: string };
}

export interface ReadOptions extends Omit<ParseOptions, "secretKeys"> {
  /** Full keys (`edge-security:shield`) whose values are Pulumi secrets. @default the keys the Pulumi engine marks secret */
  readonly secretKeys?: readonly string[];
}

/** The StackConfig from all of a stack's config as Pulumi hands it over (`pulumi.runtime.allConfig()`). */
export function readStackConfig(all: Readonly<Record<string, string>>, options: ReadOptions = {}): StackConfig {
  const secretKeys = new Set(options.secretKeys ?? pulumiSecretKeys(all));
  const project = projectConfig(all);
  // A secret under a misspelt namespace is refused by its key alone, like any other secret.
  const keyProblems = project.problems.map((p) => (secretKeys.has(p.field) ? { ...p, value: SECRET_VALUE } : p));
  const prefix = `${CONFIG_NAMESPACE}:`;
  const projectSecrets = [...secretKeys].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
  return parseStackConfig(project.raw, all["aws:region"], { ...options, problems: [...(options.problems ?? []), ...keyProblems], secretKeys: projectSecrets });
}

/**
 * Turns the project's raw config (keys without the namespace, values JSON-decoded) into a StackConfig,
 * or throws one ConfigError naming every problem. Pure: no Pulumi or AWS calls.
 */
export function parseStackConfig(raw: Readonly<Record<string, unknown>>, region: unknown, options: ParseOptions = {}): StackConfig {
  const problems = new Problems();
  for (const p of options.problems ?? []) problems.add(p.field, p.value, p.allowed, p.path);
  problems.check(isAwsRegion(region), "aws:region", region, 'required: the stack\'s AWS region, e.g. `pulumi config set aws:region eu-west-1`');
  // A bad stack region is reported once; the APIs that would default to it are checked against us-east-1.
  const stackRegion = isAwsRegion(region) ? region : "us-east-1";

  // Shield first: its layer-7 mitigation decides the WAF's anti-DDoS group and capacity reserve. Its problems
  // are reported by the stack parse below; while it has any, the WAF is read as without Shield.
  const shield = shieldKeySchema(options.now).safeParse(raw.shield).data ?? SHIELD_OFF;
  // The monitoring's probe is a rule of the web ACL, counted in its budget; an invalid section places none.
  const monitoringSection = monitoringConfigSchema.safeParse(raw.monitoring ?? {}).data;
  const scope = options.stack ?? { project: CONFIG_NAMESPACE, name: "" };
  const rateLimitProbe = monitoringSection && configuredRateLimitProbe(monitoringSection, scope.project, scope.name);
  // The operating model too: it decides what the web ACL holds and who owns Shield (its problems likewise below).
  const governance = governanceSchema.safeParse(raw.governance ?? {}).data ?? DISTRIBUTED;
  // The signer's header for the viewer's Authorization, which WAF rules may not read; an invalid one is reported below.
  const authorizationHeader = signerFields(options.now).authorizationHeader.safeParse(raw.authorizationHeader).data;
  const top = stackSchema({ region: stackRegion, now: options.now ?? new Date(), shieldMitigation: shield.layer7Mitigation, rateLimitProbe, governance, authorizationHeader }).safeParse(raw);
  if (!top.success) for (const p of problemsFrom(top.error.issues, raw)) problems.add(p.field, p.value, p.allowed, p.path);
  const privateIntegration = top.success ? top.data.sections.privateIntegration : undefined;

  if (top.success) {
    const { apis } = top.data;
    if (privateIntegration) {
      apis.forEach((api, i) => problems.check(api.name !== PRIVATE_API_NAME, `apis[${api.name}].name`, api.name, `allowed: a name other than "${PRIVATE_API_NAME}", which the private integration's API takes`, ["apis", i, "name"]));
    }
    const routes: Route[] = [
      ...apis.map((api, i) => ({ path: ["apis", i, "pathPattern"], pathPattern: api.pathPattern })),
      ...(privateIntegration ? [{ path: ["privateIntegration", "pathPrefix"], pathPattern: `${privateIntegration.pathPrefix}/*` }] : []),
    ];
    for (const issue of routeIssues(routes, top.data.quotas, ["apis"])) {
      const named = issue.path[0] === "apis" && typeof issue.path[1] === "number" ? `apis[${apis[issue.path[1]].name}].${issue.path.slice(2).join(".")}` : issue.path.join(".");
      problems.add(named, issue.input, issue.message, issue.path);
    }
    // Under centralized the stack has no web ACL; the governance checks say what Shield may then use.
    if (governance.model !== "centralized") for (const p of shieldNeedsProblems(shield, top.data.waf)) problems.add(p.field, p.value, p.allowed, p.path);
    // WAF paths in an API's own terms (before its prefix is stripped) instead of the viewer's.
    const viewerRoutes = [
      ...apis.map((api) => ({ pathPattern: api.pathPattern, label: `API ${api.name}`, serves: api.existing ? undefined : PETSTORE_ROUTES.map((r) => r.path) })),
      ...(privateIntegration ? [{ pathPattern: `${privateIntegration.pathPrefix}/*`, label: "the private integration", serves: privateIntegration.services.map((svc) => svc.pathPrefix) }] : []),
    ];
    for (const issue of viewerPathIssues(top.data.waf, viewerRoutes)) {
      const path = ["waf", ...issue.path];
      problems.add(fieldName(raw, path), valueAt(raw, path), issue.message, path);
    }
    const monitored = [
      ...apis.map((api) => ({ name: api.name, kind: api.kind, created: !api.existing, petStore: !api.existing })),
      ...(privateIntegration ? [{ name: PRIVATE_API_NAME, kind: planPrivateIntegration(privateIntegration).apiKind, created: true, petStore: false }] : []),
    ];
    for (const p of monitoringConfigProblems(top.data.sections.monitoring, monitored, top.data.waf)) problems.add(p.field, p.value, p.allowed, p.path);
  }
  // Pulumi hands the program decrypted secrets; an error about one names its field, never its value.
  const secret = new Set(options.secretKeys ?? []);
  const reported = problems.all.map((p) => (secret.has(String(p.path?.[0] ?? p.field.split(/[.[]/)[0])) ? { ...p, value: SECRET_VALUE } : p));
  if (reported.length > 0) throw new ConfigError(`Invalid ${CONFIG_NAMESPACE} configuration`, reported);
  if (!top.success) throw new Error("unreachable: a failed parse always records problems");
  const { apis, manageApiGatewayAccount, signer, distribution, quotas, tags, waf, cost } = top.data;
  const { monitoring } = top.data.sections;
  // The schema accepted raw.waf, so it is a WafInput.
  const wafInput = raw.waf as WafInput | undefined;
  return { region: stackRegion, apis, manageApiGatewayAccount, signer, distribution, quotas, waf, wafInput, rateLimitProbe, shield, privateIntegration, monitoring, tags, governance, cost };
}

export { ConfigError };
