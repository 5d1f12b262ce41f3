import { strict as assert } from "node:assert";
import { DistributionConfig } from "../../components/config/distribution";
import { EdgeDistribution, distributionComment } from "../../components/edge/edgeDistribution";
import { MANAGED_POLICY } from "../../components/edge/cloudfrontPolicies";
import { ApiOrigin } from "../../components/shared/types";
import { MockRecorder, installMocks, settle, valueOf } from "../support/mocks";

const origins: ApiOrigin[] = [
  { name: "rest", kind: "REST", apiId: "restid0001", stage: "prod", region: "eu-west-1", pathPattern: "*" },
  { name: "http", kind: "HTTP", apiId: "httpid0001", stage: "$default", region: "us-west-2", pathPattern: "/http/*" },
  { name: "v2", kind: "HTTP", apiId: "httpid0002", stage: "v2", region: "us-west-2", pathPattern: "/http/v2/*" },
];
const config: DistributionConfig = {
  priceClass: "PriceClass_All",
  viewerProtocolPolicy: "https-only",
  aliases: ["api.example.com"],
  certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc",
  originReadTimeout: 45,
  originKeepaliveTimeout: 10,
  geoRestriction: { type: "blacklist", locations: ["KP"] },
  accessLogs: { destination: "cloudwatch", retentionDays: 90, format: "json" },
};
const SIGNER = "arn:aws:lambda:us-east-1:123456789012:function:signer:7";

describe("EdgeDistribution", () => {
  let rec: MockRecorder;
  let inputs: Record<string, any>;

  before(async () => {
    rec = installMocks();
    const edge = new EdgeDistribution("cdn", { origins, config, signerVersionArn: SIGNER, webAclArn: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/acl/1" });
    await valueOf(edge.distribution.domainName);
    await settle();
    inputs = rec.one("aws:cloudfront/distribution:Distribution", "cdn").inputs;
  });

  it("sends each API's traffic to its execute-api domain over TLS 1.2, with the stage as origin path", () => {
    assert.deepEqual(inputs.origins[0], {
      originId: "rest",
      domainName: "restid0001.execute-api.eu-west-1.amazonaws.com",
      originPath: "/prod",
      customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"], originReadTimeout: 45, originKeepaliveTimeout: 10 },
      customHeaders: [],
    });
    assert.equal(inputs.origins[1].originPath, "", "$default stages are served at the root");
  });

  it("tells the signer of a prefixed API which prefix CloudFront routed by, per origin", () => {
    assert.deepEqual(inputs.origins.map((o: any) => [o.originId, o.customHeaders]), [
      ["rest", []],
      ["http", [{ name: "X-Forwarded-Prefix", value: "/http" }]],
      ["v2", [{ name: "X-Forwarded-Prefix", value: "/http/v2" }]],
    ]);
  });

  it("signs every request at origin-request with the body, caches nothing and forwards all but Host", () => {
    const behaviors = [inputs.defaultCacheBehavior, ...inputs.orderedCacheBehaviors];
    for (const behavior of behaviors) {
      assert.deepEqual(behavior.lambdaFunctionAssociations, [{ eventType: "origin-request", lambdaArn: SIGNER, includeBody: true }]);
      assert.equal(behavior.cachePolicyId, "4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
      assert.equal(behavior.originRequestPolicyId, "b689b0a8-53d0-40ab-baf2-68738e2966ac");
      assert.equal(behavior.responseHeadersPolicyId, "cdn-security-headers-id");
      assert.deepEqual(behavior.allowedMethods, ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]);
      assert.equal(behavior.viewerProtocolPolicy, "https-only");
      // CachingDisabled enables no compression, so a `compress` flag would be a no-op.
      assert.equal(behavior.compress, undefined);
    }
    assert.equal(MANAGED_POLICY.allViewerExceptHostHeader, "b689b0a8-53d0-40ab-baf2-68738e2966ac");
    assert.equal(inputs.defaultCacheBehavior.targetOriginId, "rest");
  });

  it("routes both /prefix/* and the bare /prefix of each API, most specific first", () => {
    assert.deepEqual(inputs.orderedCacheBehaviors.map((b: any) => [b.pathPattern, b.targetOriginId]), [
      ["/http/v2/*", "v2"],
      ["/http/v2", "v2"],
      ["/http/*", "http"],
      ["/http", "http"],
    ]);
  });

  it("serves the aliases with the us-east-1 certificate, TLSv1.2_2021, HTTP/2 and HTTP/3, and attaches the web ACL", () => {
    assert.deepEqual(inputs.aliases, ["api.example.com"]);
    assert.deepEqual(inputs.viewerCertificate, { acmCertificateArn: config.certificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" });
    assert.equal(inputs.httpVersion, "http2and3");
    assert.equal(inputs.priceClass, "PriceClass_All");
    assert.equal(inputs.webAclId, "arn:aws:wafv2:us-east-1:123456789012:global/webacl/acl/1");
    assert.deepEqual(inputs.restrictions, { geoRestriction: { restrictionType: "blacklist", locations: ["KP"] } });
    assert.equal(inputs.loggingConfig, undefined, "no legacy logging: it needs S3 ACLs");
  });

  it("delivers access logs (standard logging v2) to a log group it creates in us-east-1", () => {
    const group = rec.one("aws:cloudwatch/logGroup:LogGroup", "cdn-logs-group").inputs;
    assert.deepEqual(group, { region: "us-east-1", namePrefix: "/aws/vendedlogs/cloudfront/cdn-logs-", retentionInDays: 90, tags: {} });
    const source = rec.one("aws:cloudwatch/logDeliverySource:LogDeliverySource", "cdn-logs-source").inputs;
    assert.deepEqual(source, { region: "us-east-1", logType: "ACCESS_LOGS", resourceArn: "arn:aws:cloudfront::123456789012:distribution/cdn-id", tags: {} });
    const destination = rec.one("aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination", "cdn-logs-destination").inputs;
    assert.deepEqual(destination, {
      region: "us-east-1",
      outputFormat: "json",
      deliveryDestinationConfiguration: { destinationResourceArn: "arn:aws:logs:us-east-1:123456789012:log-group:cdn-logs-group" },
      tags: {},
    });
    const delivery = rec.one("aws:cloudwatch/logDelivery:LogDelivery", "cdn-logs-delivery").inputs;
    assert.deepEqual(delivery, {
      region: "us-east-1",
      deliverySourceName: "cdn-logs-source",
      deliveryDestinationArn: "arn:aws:logs:us-east-1:123456789012:delivery-destination:cdn-logs-destination",
      tags: {},
    });
  });

  it("adds HSTS and the usual security headers to every response", () => {
    const headers = rec.one("aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy", "cdn-security-headers").inputs.securityHeadersConfig;
    assert.deepEqual(headers, {
      strictTransportSecurity: { accessControlMaxAgeSec: 63072000, includeSubdomains: true, preload: false, override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: "DENY", override: true },
      referrerPolicy: { referrerPolicy: "no-referrer", override: true },
      xssProtection: { protection: false, override: true },
      contentSecurityPolicy: { contentSecurityPolicy: "default-src 'none'; frame-ancestors 'none'", override: true },
    });
  });

  it("uses the CloudFront certificate when there are no aliases", async () => {
    rec.reset();
    const edge = new EdgeDistribution("plain", { origins: [origins[0]], config: { ...config, aliases: [], certificateArn: undefined }, signerVersionArn: SIGNER });
    await valueOf(edge.distribution.domainName);
    await settle();
    const plain = rec.one("aws:cloudfront/distribution:Distribution", "plain").inputs;
    assert.deepEqual(plain.viewerCertificate, { cloudfrontDefaultCertificate: true });
    assert.equal(plain.webAclId, undefined);
  });

  it("refuses origins without a default behaviour", () => {
    assert.throws(() => new EdgeDistribution("bad", { origins: [origins[1]], config, signerVersionArn: SIGNER }), /origins: one origin needs pathPattern "\*"/);
  });

  it("keeps the comment within CloudFront's 128 characters", () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ ...origins[0], name: `api-with-a-rather-long-name-${i}` }));
    assert.equal(distributionComment(origins), "API edge: rest, http, v2");
    assert.equal(distributionComment(many).length, 128);
    assert.match(distributionComment(many), /\.\.\.$/);
  });

  it("delivers to an existing destination without creating a log group", async () => {
    rec.reset();
    const bucket = "arn:aws:s3:::edge-access-logs";
    const edge = new EdgeDistribution("byo", { origins: [origins[0]], config: { ...config, accessLogs: { destination: bucket, format: "parquet" } }, signerVersionArn: SIGNER });
    await valueOf(edge.distribution.domainName);
    await settle();
    assert.equal(rec.ofType("aws:cloudwatch/logGroup:LogGroup").length, 0);
    assert.deepEqual(rec.one("aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination", "byo-logs-destination").inputs.deliveryDestinationConfiguration, { destinationResourceArn: bucket });
    assert.equal(rec.one("aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination", "byo-logs-destination").inputs.outputFormat, "parquet");
  });
});
