// An app team's program: reads its microservice's target group and security group from the edge
// stack and runs a Fargate service registered in that target group. Nothing here is public: the
// tasks get no public IP and accept traffic only from the edge's load balancer.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { readEdgeStack } from "../../components/contract/edgeStackOutputs";

const config = new pulumi.Config();
const serviceName = config.require("service");
const region = config.require("region");

const edge = readEdgeStack(new pulumi.StackReference(config.require("edgeStack")));
const entry = edge.privateServices.apply((all) => {
  const found = all?.[serviceName];
  if (!found?.targetGroupArn || !found.backendSecurityGroupId) {
    throw new Error(`privateServices.${serviceName} has no target group: give it a targetType in the edge's privateIntegration`);
  }
  return found;
});

const executionRole = new aws.iam.Role(`${serviceName}-execution`, {
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" }),
});
new aws.iam.RolePolicyAttachment(`${serviceName}-execution`, {
  role: executionRole.name,
  policyArn: aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy,
});

const cluster = new aws.ecs.Cluster(serviceName, { region });
const task = new aws.ecs.TaskDefinition(serviceName, {
  family: serviceName,
  requiresCompatibilities: ["FARGATE"],
  networkMode: "awsvpc",
  cpu: "256",
  memory: "512",
  executionRoleArn: executionRole.arn,
  // The container listens on the service's port from the edge config, which is the target group's port.
  containerDefinitions: entry.apply((s) => JSON.stringify([{
    name: serviceName,
    image: config.require("image"),
    essential: true,
    portMappings: [{ containerPort: s.port, protocol: "tcp" }],
  }])),
  region,
});

new aws.ecs.Service(serviceName, {
  cluster: cluster.arn,
  taskDefinition: task.arn,
  desiredCount: 2,
  launchType: "FARGATE",
  networkConfiguration: {
    subnets: config.requireObject<string[]>("subnetIds"),
    securityGroups: [entry.apply((s) => s.backendSecurityGroupId as string)],
    assignPublicIp: false,
  },
  loadBalancers: [{ targetGroupArn: entry.apply((s) => s.targetGroupArn as string), containerName: serviceName, containerPort: entry.apply((s) => s.port) }],
  region,
});

export const url = entry.apply((s) => s.url);
