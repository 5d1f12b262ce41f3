/** Rule, metric and rule group names: letters, digits, `-` and `_`, 1 to 128 characters. */
export const WAF_NAME_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

export function isValidWafName(value: unknown): value is string {
  return typeof value === "string" && WAF_NAME_PATTERN.test(value);
}

/** CloudWatch metrics and sampled requests, on for every rule and for the web ACL itself. */
export function visibilityConfig(metricName: string): {
  cloudwatchMetricsEnabled: boolean;
  sampledRequestsEnabled: boolean;
  metricName: string;
} {
  return { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName };
}
