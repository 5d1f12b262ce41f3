/**
 * The distribution is Deployed (polled with backoff, bounded by --timeout) and carries the stack's web ACL.
 * The web ACL is read from CloudFront: AWS WAF's GetWebACLForResource does not apply to CloudFront ("For Amazon
 * CloudFront, don't use this call. Instead, call the CloudFront action GetDistributionConfig"); GetDistribution
 * returns the same DistributionConfig with the Status.
 */
import { CloudFrontClient, Distribution, GetDistributionCommand } from "@aws-sdk/client-cloudfront";
import { callFailure } from "./awsErrors";
import { CheckResult, fail, pass } from "./report";

export interface Clock {
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

/** 5 s, 10 s, 20 s, then every 30 s. */
export function backoffMs(attempt: number): number {
  return Math.min(5000 * 2 ** attempt, 30_000);
}

export async function waitForDeployed(
  client: Pick<CloudFrontClient, "send">,
  distributionId: string,
  timeoutSec: number,
  clock: Clock,
  progress: (line: string) => void,
): Promise<{ readonly result: CheckResult; readonly distribution?: Distribution }> {
  const name = "distribution deployed";
  const start = clock.now();
  for (let attempt = 0; ; attempt++) {
    let distribution: Distribution | undefined;
    try {
      distribution = (await client.send(new GetDistributionCommand({ Id: distributionId }))).Distribution;
    } catch (error) {
      return { result: fail(name, callFailure(error, "cloudfront:GetDistribution")) };
    }
    const elapsed = Math.round((clock.now() - start) / 1000);
    const status = distribution?.Status ?? "unknown";
    if (status === "Deployed") return { result: pass(name, `${distributionId} Status Deployed (after ${attempt + 1} poll${attempt === 0 ? "" : "s"}, ${elapsed} s)`), distribution };
    const wait = backoffMs(attempt);
    if (elapsed + wait / 1000 > timeoutSec) {
      return { result: fail(name, `${distributionId} Status ${status} after ${elapsed} s (--timeout ${timeoutSec}); CloudFront takes minutes to deploy, and Lambda@Edge longer to replicate`), distribution };
    }
    progress(`... distribution ${distributionId}: ${status} (${elapsed} s of ${timeoutSec} s), next look in ${wait / 1000} s`);
    await clock.sleep(wait);
  }
}

/**
 * `WebACLId` holds the WAFv2 web ACL's ARN; empty when none is attached. Under centralized governance the stack has
 * none of its own and Firewall Manager associates its policy's, whose ARN the stack cannot know: any is right, none is not.
 */
export function webAclAttached(distribution: Distribution | undefined, webAclArn: string | undefined, owner?: "firewall-manager"): CheckResult {
  const name = "web ACL attached";
  if (!distribution) return fail(name, "the distribution could not be read");
  const attached = distribution.DistributionConfig?.WebACLId ?? "";
  if (owner === "firewall-manager") {
    return attached !== ""
      ? pass(name, `WebACLId ${attached}, associated by Firewall Manager (centralized governance)`)
      : fail(name, "no web ACL: Firewall Manager has not associated its policy's (centralized governance; is the distribution in the policy's scope, its account in the policy's OUs, AWS Config recording in us-east-1?)");
  }
  if (webAclArn === undefined) {
    return attached === "" ? pass(name, "the stack has no web ACL and none is attached") : fail(name, `WebACLId ${attached}, but the stack exports no webAclArn`);
  }
  return attached === webAclArn ? pass(name, `WebACLId ${attached}`) : fail(name, `WebACLId ${attached === "" ? "(none)" : attached}, expected ${webAclArn}`);
}
