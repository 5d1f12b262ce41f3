/**
 * The AWS Regions with CloudFront regional edge caches, where Lambda@Edge replicas run and write their logs
 * (`/aws/lambda/us-east-1.<function>` in the Region of the cache that ran them). AWS publishes the caches by
 * city on the CloudFront features page, without Region codes; this mapping (13 Regions) is Gruntwork's of
 * 2022-08-22, checked against that map. Unconfirmed by a primary AWS list: see docs/aws-facts.md.
 * Overridable with `monitoring.signerLogs.regions`.
 */
export const REGIONAL_EDGE_CACHE_REGIONS = [
  "us-east-1", "us-east-2", "us-west-1", "us-west-2",
  "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-2",
  "eu-central-1", "eu-west-1", "eu-west-2",
  "sa-east-1",
] as const;
