import * as aws from "@pulumi/aws";

/** AWS managed CloudFront policies (IDs are global constants published by AWS). */
export const MANAGED_POLICY = {
  /** Nothing is cached: every signed request is answered by the API. */
  cachingDisabled: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
  /** Forwards viewer headers, cookies and query strings but not Host, which must be the API's domain for SigV4. */
  allViewerExceptHostHeader: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
} as const;

/** All methods an API may serve; CloudFront accepts only this set or its GET/HEAD(/OPTIONS) subsets. */
export const ALL_METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];
export const CACHED_METHODS = ["GET", "HEAD"];

/** Security headers added to every response, overriding what the origin sends. */
export const SECURITY_HEADERS: aws.types.input.cloudfront.ResponseHeadersPolicySecurityHeadersConfig = {
  // No `preload`: the directive asks browsers' preload lists to pin the customer's whole domain, which is the
  // domain owner's decision, not the edge's.
  strictTransportSecurity: { accessControlMaxAgeSec: 63072000, includeSubdomains: true, preload: false, override: true },
  contentTypeOptions: { override: true },
  frameOptions: { frameOption: "DENY", override: true },
  referrerPolicy: { referrerPolicy: "no-referrer", override: true },
  // `X-XSS-Protection: 0`: browsers' XSS auditors are gone and the filter itself enabled attacks (OWASP's
  // secure headers guidance); a JSON API has nothing for it to protect.
  xssProtection: { protection: false, override: true },
  // API responses are data, never documents to render or frame.
  contentSecurityPolicy: { contentSecurityPolicy: "default-src 'none'; frame-ancestors 'none'", override: true },
};
