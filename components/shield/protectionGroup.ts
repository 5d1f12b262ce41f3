import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { ProtectionGroupSettings } from "./settings";

/** Protection group ids: 1-36 letters, digits or hyphens, unique in the account. */
export function defaultProtectionGroupId(scope: string, name: string): string {
  return `${scope}-${name}`.replace(/[^a-zA-Z0-9-]/g, "-").slice(0, 36);
}

/** Maps a scope to Shield's pattern: by resource type, every protected resource, or just this distribution. */
export function protectionGroupArgs(
  settings: ProtectionGroupSettings,
  protectionGroupId: string,
  distributionArn: pulumi.Input<string>,
  tags?: Record<string, string>,
): aws.shield.ProtectionGroupArgs {
  const common = { protectionGroupId, aggregation: settings.aggregation, tags };
  switch (settings.scope) {
    case "all-cloudfront-distributions":
      return { ...common, pattern: "BY_RESOURCE_TYPE", resourceType: "CLOUDFRONT_DISTRIBUTION" };
    case "all-protected-resources":
      return { ...common, pattern: "ALL" };
    case "this-distribution":
      return { ...common, pattern: "ARBITRARY", members: [distributionArn] };
  }
}
