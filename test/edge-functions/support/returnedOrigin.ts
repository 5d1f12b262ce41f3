/**
 * The constraints CloudFront documents for a custom origin that a Lambda@Edge origin-request function
 * returns ("Lambda@Edge event structure", request event fields for a custom origin), as a checker; and the
 * origin object CloudFront puts into the event for a distribution origin, as the event-structure example shows.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-event-structure.html
 */
import type { CloudFrontCustomOrigin, CloudFrontHeaders } from "aws-lambda";

const SSL_PROTOCOLS = ["TLSv1.2", "TLSv1.1", "TLSv1", "SSLv3"];
const wholeIn = (value: unknown, min: number, max: number) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/** Every documented constraint the returned custom origin breaks; empty when CloudFront accepts it. */
export function returnedOriginProblems(origin: CloudFrontCustomOrigin): string[] {
  const problems: string[] = [];
  const { domainName, path, port, protocol, readTimeout, keepaliveTimeout, sslProtocols, customHeaders } = origin;
  if (typeof domainName !== "string" || domainName === "" || domainName.includes(":") || /^\d{1,3}(\.\d{1,3}){3}$/.test(domainName) || domainName.length > 253) {
    problems.push(`domainName ${domainName}: not empty, no ':', not an IPv4 address, at most 253 characters`);
  }
  if (typeof path !== "string" || path.length > 255 || (path !== "" && (!path.startsWith("/") || path.endsWith("/") || /[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/.test(path)))) {
    problems.push(`path ${path}: "" or starting with '/', no trailing '/', URL-encoded, at most 255 characters`);
  }
  if (!(port === 80 || port === 443 || wholeIn(port, 1024, 65535))) problems.push(`port ${port}: 80, 443 or 1024-65535`);
  if (protocol !== "http" && protocol !== "https") problems.push(`protocol ${protocol}: http or https`);
  if (!wholeIn(readTimeout, 4, 60)) problems.push(`readTimeout ${readTimeout}: 4-60 seconds`);
  if (!wholeIn(keepaliveTimeout, 1, 60)) problems.push(`keepaliveTimeout ${keepaliveTimeout}: 1-60 seconds`);
  if (!Array.isArray(sslProtocols) || sslProtocols.length === 0 || !sslProtocols.every((p) => SSL_PROTOCOLS.includes(p))) {
    problems.push(`sslProtocols ${JSON.stringify(sslProtocols)}: some of ${SSL_PROTOCOLS.join(", ")}`);
  }
  for (const [name, values] of Object.entries(customHeaders ?? {})) {
    if (name !== name.toLowerCase() || !values.every((v) => v.key?.toLowerCase() === name)) problems.push(`customHeaders.${name}: keyed by the lowercase name`);
  }
  return problems;
}

/** A distribution origin as the Pulumi inputs give it (the fields the edge sets). */
export interface DistributionOriginInputs {
  readonly originId: string;
  readonly domainName: string;
  readonly originPath?: string;
  readonly customHeaders?: readonly { readonly name: string; readonly value: string }[];
  readonly customOriginConfig: {
    readonly httpPort: number;
    readonly httpsPort: number;
    readonly originProtocolPolicy: string;
    readonly originSslProtocols: readonly string[];
    readonly originReadTimeout: number;
    readonly originKeepaliveTimeout: number;
  };
}

/** The `origin.custom` CloudFront puts into the origin-request event for that distribution origin. */
export function eventOriginOf(origin: DistributionOriginInputs): CloudFrontCustomOrigin {
  const config = origin.customOriginConfig;
  const https = config.originProtocolPolicy !== "http-only";
  const customHeaders: CloudFrontHeaders = {};
  for (const { name, value } of origin.customHeaders ?? []) (customHeaders[name.toLowerCase()] ??= []).push({ key: name, value });
  return {
    customHeaders,
    domainName: origin.domainName,
    keepaliveTimeout: config.originKeepaliveTimeout,
    path: origin.originPath ?? "",
    port: https ? config.httpsPort : config.httpPort,
    protocol: https ? "https" : "http",
    readTimeout: config.originReadTimeout,
    sslProtocols: [...config.originSslProtocols],
  };
}
