import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { PROJECT_DIR } from "../../scripts/plan/runProgram";
import { EdgeProtection, PRIVATE_API_NAME, edgeSignerRole, PrivateMicroservices, ProtectedApis, configuredRateLimitProbe, monitoringConfigSchema } from "../../components";
import { RecordedResource, installMocks, settle } from "../support/mocks";
import { programRun } from "../program/programRuns";

/** The stack file's keys a library user writes as EdgeProtection's nested arguments (`signerMemoryMb` is `signer.memoryMb`). */
const SIGNER_KEYS: Record<string, string> = { signerRuntime: "runtime", signerMemoryMb: "memoryMb", signerTimeoutSeconds: "timeoutSeconds", signerRetainOnDelete: "retainOnDelete", authorizationHeader: "authorizationHeader" };
const DISTRIBUTION_KEYS = ["priceClass", "viewerProtocolPolicy", "aliases", "certificateArn", "originReadTimeout", "originKeepaliveTimeout", "accessLogs"];
/** Sections passed as written; `monitoring` goes to EdgeMonitoring, which the library path leaves out. */
const SECTIONS = ["apis", "tags", "waf", "shield", "governance", "privateIntegration", "monitoring"];

/**
 * The stack as a library user composes it from the keys the stack file writes (not Pulumi.yaml's defaults: the
 * components default the same), each value as the program received it, nothing parsed by the program's config reader.
 */
function composeAsLibrary(stack: "dev" | "prod", config: Readonly<Record<string, string>>): void {
  const written = Object.keys(parse(fs.readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8")).config);
  const values: Record<string, unknown> = {};
  for (const key of written.filter((k) => k.startsWith("edge-security:"))) {
    const value = config[key];
    const name = key.slice("edge-security:".length);
    assert.ok(SECTIONS.includes(name) || name in SIGNER_KEYS || DISTRIBUTION_KEYS.includes(name), `the library path must handle ${name}`);
    values[name] = typeof value === "string" && /^[[{0-9]|^(true|false)$/.test(value) ? JSON.parse(value) : value;
  }
  const tags = { ...(values.tags as Record<string, string>), "edge-security:stack": stack };
  const signerRole = edgeSignerRole("edge", tags);
  const apis = new ProtectedApis("apis", { apis: values.apis as never, region: config["aws:region"], tags, signerRoleArn: signerRole.arn });
  const privateIntegration = values.privateIntegration as { region?: string } | undefined;
  const microservices = privateIntegration && new PrivateMicroservices(PRIVATE_API_NAME, { settings: { region: config["aws:region"], ...privateIntegration } as never, tags, signerRoleArn: signerRole.arn });
  const monitoring = monitoringConfigSchema.parse(values.monitoring ?? {});
  new EdgeProtection("edge", {
    origins: [...apis.origins, ...(microservices?.origins ?? [])],
    signer: Object.fromEntries(Object.entries(SIGNER_KEYS).filter(([key]) => key in values).map(([key, field]) => [field, values[key]])),
    distribution: Object.fromEntries(DISTRIBUTION_KEYS.filter((key) => key in values).map((key) => [key, values[key]])),
    waf: values.waf as never,
    shield: values.shield as never,
    governance: values.governance as never,
    signerLogs: monitoring.enabled ? (values.monitoring as { signerLogs?: object } | undefined)?.signerLogs ?? {} : undefined,
    rateLimitProbe: configuredRateLimitProbe(monitoring, "edge-security", stack),
    tags,
    signerRole,
  });
}

const byKey = (resources: readonly RecordedResource[]) => [...resources].sort((a, b) => `${a.type} ${a.name}`.localeCompare(`${b.type} ${b.name}`));

describe("EdgeProtection from a library program gives the stack file's resources", function () {
  this.timeout(120_000);
  for (const stack of ["dev", "prod"] as const) {
    it(`${stack}: every resource of the program but the monitoring's, with identical inputs`, async () => {
      const run = await programRun(stack);
      const program = byKey(run.recorder.resources.filter((r) => !r.name.startsWith("monitoring")));
      const recorder = installMocks("edge-security", stack);
      composeAsLibrary(stack, run.config);
      await settle();
      const library = byKey(recorder.resources);
      assert.deepEqual(library.map((r) => `${r.type} ${r.name}`), program.map((r) => `${r.type} ${r.name}`));
      assert.deepEqual(library, program);
      assert.ok(program.some((r) => r.type === "aws:wafv2/webAcl:WebAcl"), "the web ACL is among them");
    });
  }
});
