import { z } from "zod";
import { CLOUDFRONT_QUOTAS, CloudFrontQuotas, DistributionConfig, DistributionInput, distributionSchema } from "../config/distribution";
import { originSchema } from "../config/originSchema";
import { routeIssues } from "../config/routes";
import { SignerConfig, SignerInput, signerSchema } from "../config/signer";
import { fieldName } from "../shared/schema/problems";
import { ApiOrigin } from "../shared/types";
import { ArgumentProblems } from "./argumentProblems";

export interface EdgeInputs {
  /** The APIs to front; exactly one has pathPattern `*`. */
  readonly origins: readonly ApiOrigin[];
  /** @default every signer default */
  readonly signer?: SignerInput;
  /** @default every distribution default */
  readonly distribution?: DistributionInput;
  /** The account's CloudFront quotas, if raised. @default 75 cache behaviours, 100 origins */
  readonly quotas?: Partial<CloudFrontQuotas>;
}

export interface EdgeSettings {
  readonly origins: readonly ApiOrigin[];
  readonly signer: SignerConfig;
  readonly distribution: DistributionConfig;
}

/**
 * A library user's arguments checked by the same schemas as the stack file, with the same defaults, every
 * problem in one ConfigError before any resource exists: origins (name, kind, region, path pattern; names
 * and patterns unique, one default behaviour, within the quotas), signer and distribution settings.
 */
export function edgeSettings(subject: string, inputs: EdgeInputs): EdgeSettings {
  const problems = new ArgumentProblems();
  const settings = collectEdgeSettings(inputs, problems);
  problems.throwIfAny(subject);
  return settings!;
}

/** The settings of `edgeSettings`, or undefined with every problem recorded in `problems`. */
export function collectEdgeSettings(inputs: EdgeInputs, problems: ArgumentProblems): EdgeSettings | undefined {
  const origins = problems.parse(z.array(originSchema), inputs.origins, ["origins"]);
  if (origins !== undefined) {
    const seen = new Set<string>();
    inputs.origins.forEach((o, i) => {
      if (seen.has(o.name)) problems.add({ field: `origins[${i}].name`, value: o.name, allowed: "allowed: a name not used by another origin", path: ["origins", i, "name"] });
      seen.add(o.name);
    });
    const quotas = { ...CLOUDFRONT_QUOTAS, ...inputs.quotas };
    for (const issue of routeIssues(inputs.origins.map((o, i) => ({ path: ["origins", i, "pathPattern"], pathPattern: o.pathPattern })), quotas, ["origins"])) {
      problems.add({ field: fieldName({ origins: inputs.origins }, issue.path), value: issue.input, allowed: issue.message, path: issue.path });
    }
  }
  const signer = problems.parse(signerSchema(), inputs.signer ?? {}, ["signer"]);
  const distribution = problems.parse(distributionSchema, inputs.distribution ?? {}, ["distribution"]);
  return origins && signer && distribution && { origins: inputs.origins, signer, distribution };
}
