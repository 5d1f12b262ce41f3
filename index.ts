// The edge-security program: read and validate the stack's config, compose the components, export the contract.
import * as pulumi from "@pulumi/pulumi";
import {
  EdgeProtection, PRIVATE_API_NAME, PrivateMicroservices, ProtectedApis, apiEndpoints, privateServiceEndpoints, readStackConfig,
} from "./components";

const config = readStackConfig(pulumi.runtime.allConfig());
const tags = { ...config.tags, "edge-security:stack": pulumi.getStack() };

const protectedApis = new ProtectedApis("apis", { apis: config.apis, manageApiGatewayAccount: config.manageApiGatewayAccount, tags });
const microservices = config.privateIntegration && new PrivateMicroservices(PRIVATE_API_NAME, { settings: config.privateIntegration, tags });
const origins = [...protectedApis.origins, ...(microservices?.origins ?? [])];
const edge = new EdgeProtection("edge", { origins, signer: config.signer, distribution: config.distribution, quotas: config.quotas, waf: config.waf, shield: config.shield, tags, governance: config.governance });
const cdn = edge.distribution.distribution;

export const distributionId = cdn.id;
export const distributionArn = cdn.arn;
export const distributionDomainName = cdn.domainName;
export const edgeUrl = pulumi.interpolate`https://${cdn.domainName}`;
export const apis = apiEndpoints(origins, cdn.domainName);
export const signerRoleArn = edge.signer.roleArn;
export const signerVersionArn = edge.signer.versionArn;
export const webAclArn = edge.webAcl?.arn;
export const shield = edge.shield && {
  protectionId: edge.shield.protectionId,
  alarmTopicArn: edge.shield.snsTopicArn,
  healthCheckId: edge.shield.healthCheckId,
};
export const privateServices = microservices && privateServiceEndpoints(microservices.services, microservices.pathPrefix, cdn.domainName);
export const vpcLinks = microservices?.vpcLinks;
