/**
 * With Shield Advanced on: the subscription is active, and the distribution's protection exists with the
 * expected automatic application-layer response and the stack's health check. Shield's API lives in us-east-1.
 */
import { DescribeProtectionCommand, GetSubscriptionStateCommand, Protection, ShieldClient } from "@aws-sdk/client-shield";
import type { VerificationOutput } from "../../components/monitoring/verification";
import { callFailure } from "./awsErrors";
import { CheckResult, fail, pass } from "./report";

export async function checkShield(
  client: Pick<ShieldClient, "send">,
  distributionArn: string,
  expected: NonNullable<VerificationOutput["shield"]>,
  healthCheckId: string | undefined,
): Promise<CheckResult[]> {
  return [await subscription(client), await protection(client, distributionArn, expected, healthCheckId)];
}

async function subscription(client: Pick<ShieldClient, "send">): Promise<CheckResult> {
  const name = "shield subscription";
  try {
    const state = (await client.send(new GetSubscriptionStateCommand({}))).SubscriptionState;
    return state === "ACTIVE" ? pass(name, "SubscriptionState ACTIVE") : fail(name, `SubscriptionState ${state}: the account is not subscribed to Shield Advanced`);
  } catch (error) {
    return fail(name, callFailure(error, "shield:GetSubscriptionState"));
  }
}

async function protection(
  client: Pick<ShieldClient, "send">,
  distributionArn: string,
  expected: NonNullable<VerificationOutput["shield"]>,
  healthCheckId: string | undefined,
): Promise<CheckResult> {
  const name = "shield protection";
  let found: Protection | undefined;
  try {
    found = (await client.send(new DescribeProtectionCommand({ ResourceArn: distributionArn }))).Protection;
  } catch (error) {
    if (error instanceof Error && error.name === "ResourceNotFoundException") return fail(name, `no protection for ${distributionArn}`);
    return fail(name, callFailure(error, "shield:DescribeProtection"));
  }
  if (!found) return fail(name, `no protection for ${distributionArn}`);
  const config = found.ApplicationLayerAutomaticResponseConfiguration;
  const actual = config?.Status === "ENABLED" ? (config.Action?.Block ? "BLOCK" : config.Action?.Count ? "COUNT" : "ENABLED") : "DISABLED";
  const checks = found.HealthCheckIds ?? [];
  const problems = [
    ...(actual !== expected.automaticResponse ? [`automatic response ${actual}, expected ${expected.automaticResponse}`] : []),
    ...(expected.healthCheck && (healthCheckId === undefined || !checks.includes(healthCheckId))
      ? [`health checks [${checks.join(", ")}], expected the stack's ${healthCheckId ?? "(no healthCheckId output)"}`]
      : []),
  ];
  const evidence = `${found.Id} on ${distributionArn}; automatic response ${actual}; health checks [${checks.join(", ")}]`;
  return problems.length === 0 ? pass(name, evidence) : fail(name, `${problems.join("; ")} (${evidence})`);
}
