import * as aws from "@pulumi/aws";
import type { PolicyProviderResource } from "@pulumi/policy";
import { EDGE_REGION } from "../components/shared/region";
import { configShape, dependenciesOf, stackPolicy } from "./definePolicy";

const FUNCTION = "aws:lambda/function:Function";
/** Lambda@Edge origin-request functions run at most 30 s (CloudFront Developer Guide, "Quotas on Lambda@Edge"). */
const MAX_TIMEOUT = 30;
/** Lambda's default timeout when none is set. */
const DEFAULT_TIMEOUT = 3;

/**
 * The functions a distribution runs (its behaviours' Lambda@Edge associations, through their dependencies)
 * obey Lambda@Edge: created in us-east-1, published (CloudFront takes a version, never $LATEST), x86_64, no
 * environment variables, a timeout of at most 30 s.
 */
export const edgeFunctions = stackPolicy({
  name: "edge-functions",
  description: "Lambda@Edge functions are in us-east-1, published, x86_64, without environment variables, with a timeout of at most 30 s.",
  enforcementLevel: "mandatory",
  severity: "high",
  config: configShape({}),
  check: (resources, _config, report) => {
    const checked = new Set<string>();
    for (const resource of resources.filter((r) => r.type === "aws:cloudfront/distribution:Distribution")) {
      const functions = [...dependenciesOf(resource, "defaultCacheBehavior", FUNCTION), ...dependenciesOf(resource, "orderedCacheBehaviors", FUNCTION)];
      for (const fn of functions) {
        if (checked.has(fn.urn)) continue;
        checked.add(fn.urn);
        const props = fn.asType(aws.lambda.Function);
        if (!props) continue;
        const problems: string[] = [];
        const regionProblem = edgeRegionProblem(props.region, fn.provider);
        if (regionProblem) problems.push(regionProblem);
        if (props.publish !== true) problems.push("publish is not true (CloudFront needs a numbered version)");
        const architectures = props.architectures ?? ["x86_64"];
        if (architectures.length !== 1 || architectures[0] !== "x86_64") problems.push(`architectures ${JSON.stringify(architectures)} (allowed: x86_64)`);
        if (Object.keys(props.environment?.variables ?? {}).length > 0) problems.push("environment variables (Lambda@Edge has none)");
        const timeout = props.timeout ?? DEFAULT_TIMEOUT;
        if (timeout > MAX_TIMEOUT) problems.push(`timeout ${timeout} s (allowed: at most ${MAX_TIMEOUT})`);
        if (problems.length > 0) report(`edge function ${fn.name}: ${problems.join("; ")}`, fn.urn);
      }
    }
  },
});

/**
 * Where the function runs: its own `region`, else its provider's (the engine gives a policy the provider's
 * properties: an explicit provider's arguments, or the default provider's from `aws:region`). Undefined when us-east-1.
 */
export function edgeRegionProblem(region: string | undefined, provider: PolicyProviderResource | undefined): string | undefined {
  if (region !== undefined) return region === EDGE_REGION ? undefined : `region ${JSON.stringify(region)} (allowed: ${EDGE_REGION})`;
  const inherited: unknown = provider?.props.region;
  if (inherited === EDGE_REGION) return undefined;
  if (typeof inherited === "string") return `region ${JSON.stringify(inherited)} from its provider ${provider!.name} (allowed: ${EDGE_REGION})`;
  const from = provider ? `its provider ${provider.name} has no region the engine reports` : "the engine reports no provider for it";
  return `region not set on the function, and ${from} (allowed: ${EDGE_REGION}: set region: "${EDGE_REGION}" on the function or use a provider in ${EDGE_REGION})`;
}
