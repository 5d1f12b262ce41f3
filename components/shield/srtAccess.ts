/** The role that lets the Shield Response Team (SRT) work in the account during an event. */

/** The service principal that stands for the SRT. */
export const SRT_SERVICE_PRINCIPAL = "drt.shield.amazonaws.com";

/** Trust policy: only the SRT may assume the role. */
export function srtTrustPolicy(): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: SRT_SERVICE_PRINCIPAL }, Action: "sts:AssumeRole" }],
  });
}

/** AWS's managed policy for the SRT, the only policy Shield accepts for `AssociateDRTRole`. */
export function drtAccessPolicyArn(partition: string): string {
  return `arn:${partition}:iam::aws:policy/service-role/AWSShieldDRTAccessPolicy`;
}
