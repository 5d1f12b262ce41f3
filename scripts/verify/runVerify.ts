/**
 * Runs every check against a deployed stack, in order: AWS credentials (or a one-line stop), the distribution
 * and its web ACL, the web ACL's rules and 429, Shield, each API through the edge and directly, the known-bad
 * input, and the opt-in rate-limit probe. The AWS clients, the HTTP requester and the clock are injected.
 */
import type { CloudFrontClient } from "@aws-sdk/client-cloudfront";
import type { ShieldClient } from "@aws-sdk/client-shield";
import type { WAFV2Client } from "@aws-sdk/client-wafv2";
import { isCredentialsError, NO_CREDENTIALS } from "./awsErrors";
import type { VerifyOptions } from "./args";
import { Clock, waitForDeployed, webAclAttached } from "./distributionCheck";
import { checkApis, checkKnownBad, Requester, targetsOf } from "./httpChecks";
import type { StackOutputs } from "./outputs";
import { checkRateLimit } from "./rateLimitCheck";
import { CheckResult, skip, VerifyError } from "./report";
import { checkShield } from "./shieldCheck";
import { checkWebAcl } from "./webAclCheck";

export interface VerifyDependencies {
  readonly cloudfront: Pick<CloudFrontClient, "send">;
  readonly wafv2: Pick<WAFV2Client, "send">;
  readonly shield: Pick<ShieldClient, "send">;
  /** Resolves the credentials the clients would use; rejects without any. */
  readonly credentials: () => Promise<unknown>;
  readonly request: Requester;
  readonly clock: Clock;
  /** Progress lines while waiting (stderr). */
  readonly progress: (line: string) => void;
  /** Each result as soon as it is known (stdout), for the human format. */
  readonly report?: (result: CheckResult) => void;
}

export async function runVerify(
  outputs: StackOutputs,
  options: Pick<VerifyOptions, "timeoutSec" | "rateLimitProbe" | "probeTimeoutSec" | "probeMaxRequests">,
  deps: VerifyDependencies,
): Promise<CheckResult[]> {
  try {
    await deps.credentials();
  } catch (error) {
    throw new VerifyError(isCredentialsError(error) ? NO_CREDENTIALS : `cannot resolve AWS credentials: ${error instanceof Error ? error.message : String(error)}`);
  }
  const results: CheckResult[] = [];
  const add = (...found: CheckResult[]) => {
    for (const r of found) {
      results.push(r);
      deps.report?.(r);
    }
  };
  const verification = outputs.verification;

  const deployed = await waitForDeployed(deps.cloudfront, outputs.distributionId, options.timeoutSec, deps.clock, deps.progress);
  add(deployed.result, webAclAttached(deployed.distribution, outputs.webAclArn, outputs.verification?.webAclOwner));
  add(...await checkWebAcl(deps.wafv2, outputs.webAclArn, verification));
  if (verification?.shield) {
    add(...await checkShield(deps.shield, outputs.distributionArn, verification.shield, outputs.shield?.healthCheckId));
  } else if (outputs.shield) {
    add(skip("shield", "Shield is on but the stack exports no verification output"));
  }
  const targets = targetsOf(outputs);
  add(...await checkApis(targets, deps.request));
  add(await checkKnownBad(targets, verification, deps.request));
  if (options.rateLimitProbe) {
    add(await checkRateLimit(targets, verification?.rateLimitProbe, { timeoutSec: options.probeTimeoutSec, maxRequests: options.probeMaxRequests }, deps.request, deps.clock, deps.progress));
  }
  return results;
}
