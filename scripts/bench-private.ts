// Benchmark of the private-integration planner and component for 10, 50 and 200 services.
// Usage: npm run bench:private. Offline: the component runs under Pulumi's mock runtime.
import { describePrivatePlan } from "../components/private-integration/describePrivatePlan";
import { planPrivateIntegration } from "../components/private-integration/planPrivateIntegration";
import { privateIntegrationSchema } from "../components/private-integration/privateIntegrationSchema";
import { PrivateMicroservices } from "../components/private-integration/privateMicroservices";
import { PRIVATE_TOPOLOGIES, PrivateTopology } from "../components/private-integration/settings";
import { parseWith } from "../components/shared/schema/parse";
import { installMocks, MockRecorder, settle, valueOf } from "../test/support/mocks";

const SIZES = [10, 50, 200];
const RAISED = { vpcLinksV1: 1000, vpcLinksV2: 1000, listenersPerNlb: 1000, nlbsPerAlb: 2, rulesPerAlb: 1000, restResourcesPerApi: 1000, httpRoutesPerApi: 1000 };

/** A config section of `count` services over one created VPC, as `Pulumi.<stack>.yaml` would hold it. */
function config(topology: PrivateTopology, count: number, raised: boolean): Record<string, unknown> {
  return {
    topology,
    vpcs: [{ name: "main", cidrBlock: "10.0.0.0/16" }],
    services: Array.from({ length: count }, (_, i) => ({ name: `svc${i}`, pathPrefix: `/svc${i}`, vpc: "main", port: 1024 + i })),
    ...(raised ? { quotas: RAISED } : {}),
  };
}

/** What `npm run plan` does with the section before any resource: parse (which plans too), plan, describe. */
function planOnce(raw: Record<string, unknown>): number {
  const parsed = privateIntegrationSchema("eu-west-1").safeParse(raw);
  const lines = parsed.success ? describePrivatePlan(planPrivateIntegration(parsed.data)) : parsed.error.issues;
  return lines.length;
}

function median(run: () => void, times: number): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)];
}

const fmt = (ms: number) => `${ms.toFixed(3)} ms`.padStart(12);

function benchPlanner(raised: boolean): void {
  console.log(`\nparse + plan + describe, median of 51 runs (${raised ? "raised quotas: the plan fits" : "default quotas: over-quota plans also plan the alternatives"})`);
  console.log(`${"topology".padEnd(22)}${SIZES.map((n) => `${n} svc`.padStart(12)).join("")}   200/10 (linear: 20)`);
  for (const topology of PRIVATE_TOPOLOGIES) {
    const times = SIZES.map((n) => {
      const raw = config(topology, n, raised);
      planOnce(raw); // warm up
      return median(() => planOnce(raw), 51);
    });
    console.log(`${topology.padEnd(22)}${times.map(fmt).join("")}   ${(times[2] / times[0]).toFixed(1)}`);
  }
}

/** Builds the component for `count` services; returns its time and resource count. */
async function buildOnce(count: number, mocks: MockRecorder): Promise<[number, number]> {
  mocks.reset();
  const settings = parseWith(privateIntegrationSchema("eu-west-1"), config("rest-shared-nlb", count, true), "bench", ["privateIntegration"]);
  const start = performance.now();
  const component = new PrivateMicroservices(`bench${count}-${performance.now()}`, { settings, signerRoleArn: "arn:aws:iam::123456789012:role/bench-signer" });
  await valueOf(component.services);
  const ms = performance.now() - start;
  await settle();
  return [ms, mocks.resources.length];
}

async function benchComponent(): Promise<void> {
  // Pulumi captures a stack trace per promise; with source maps on (tsx), each capture also maps
  // frames through @pulumi/aws's source maps, several times slower. Off here, as a plan would.
  process.setSourceMapsEnabled(false);
  const mocks = installMocks();
  await buildOnce(SIZES[0], mocks); // warm up: the first run pays for loading and compiling the SDK
  console.log("\nPrivateMicroservices under Pulumi mocks (what the offline plan adds), rest-shared-nlb, one run");
  console.log(`${"services".padEnd(10)}${"resources".padStart(10)}${"time".padStart(12)}${"per resource".padStart(16)}`);
  const times: number[] = [];
  for (const n of SIZES) {
    const [ms, resources] = await buildOnce(n, mocks);
    times.push(ms);
    console.log(`${String(n).padEnd(10)}${String(resources).padStart(10)}${fmt(ms)}${fmt(ms / resources).padStart(16)}`);
  }
  console.log(`200/10 time ratio: ${(times[2] / times[0]).toFixed(1)} (linear: 20)`);
}

benchPlanner(true);
benchPlanner(false);
benchComponent().catch((error) => {
  console.error(error);
  process.exit(1);
});
