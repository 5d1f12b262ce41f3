// The edge-security program: read and validate the stack's config, compose the components, export the contract.
import * as pulumi from "@pulumi/pulumi";
import {
  EdgeProtection, PRIVATE_API_NAME, edgeSignerRole, PrivateMicroservices, ProtectedApis, apiEndpoints, privateServiceEndpoints, readStackConfig,
} from "./components";
import { CreatedApiDetails, EdgeMonitoring, monitoredApis, verificationOutput } from "./components";

const config = readStackConfig(pulumi.runtime.allConfig(), { stack: { project: pulumi.getProject(), name: pulumi.getStack() } });
const tags = { ...config.tags, "edge-security:stack": pulumi.getStack() };

// The signer's role first: the REST APIs' resource policies admit only it, from their first deployment.
const signerRole = edgeSignerRole("edge", tags);
const protectedApis = new ProtectedApis("apis", { apis: config.apis, manageApiGatewayAccount: config.manageApiGatewayAccount, tags, signerRoleArn: signerRole.arn });
// A REST private API waits for its region's account setting: the created APIs' there, else its own.
const microservices = config.privateIntegration && new PrivateMicroservices(PRIVATE_API_NAME, {
  settings: config.privateIntegration, tags, signerRoleArn: signerRole.arn,
  manageApiGatewayAccount: config.manageApiGatewayAccount, accountSetting: protectedApis.accountSettings.get(config.privateIntegration.region),
});
const origins = [...protectedApis.origins, ...(microservices?.origins ?? [])];
const signerLogs = config.monitoring.enabled ? config.monitoring.signerLogs : undefined;
const edge = new EdgeProtection("edge", { origins, signer: config.signer, distribution: config.distribution, quotas: config.quotas, waf: config.wafInput, rateLimitProbe: config.rateLimitProbe, shield: config.shield, signerLogs, tags, governance: config.governance, signerRole });
const cdn = edge.distribution.distribution;

// What the stack made of each API; the private integration's API is no pet store.
const created: Record<string, CreatedApiDetails> = { ...protectedApis.created, ...(microservices ? { [PRIVATE_API_NAME]: { petStore: false, restApiName: microservices.restApiName, accessLogGroupName: microservices.accessLogGroupName } } : {}) };
const verificationInfo = verificationOutput({
  waf: config.waf, shield: config.shield, monitoring: config.monitoring, governance: config.governance,
  apis: origins.map((o) => ({ name: o.name, kind: o.kind, petStore: created[o.name]?.petStore ?? false })),
});
const monitor = new EdgeMonitoring("monitoring", {
  settings: config.monitoring,
  distributionId: cdn.id,
  distributionArn: cdn.arn,
  signerRoleArn: edge.signer.roleArn,
  apis: monitoredApis(origins, cdn.domainName, created, config.monitoring),
  webAcl: edge.webAcl && verificationInfo.waf ? { arn: edge.webAcl.arn, ruleMetricNames: verificationInfo.waf.ruleNames } : undefined,
  shield: edge.shield && {
    topicArn: edge.shield.snsTopicArn.apply((arn) => arn!),
    subscribedEmails: config.shield.notifications.emails,
    // Off is `false`: then the monitoring keeps its own 5xx alarm.
    watches5xx: config.shield.healthChecks.cloudfront5xx !== false,
  },
  tags,
});

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
export const verification = verificationInfo;
export const monitoring = config.monitoring.enabled
  ? { dashboardName: monitor.dashboardName, topicArns: monitor.topicArns, ...(monitor.canaryName ? { canaryName: monitor.canaryName } : {}) }
  : undefined;
