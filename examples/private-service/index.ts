// An app team's program: reads its microservice's target group, security group and subnets from the
// edge stack and runs a Fargate service registered in that target group. Nothing here is public: the
// tasks get no public IP, accept traffic only from the edge's load balancer and reach nothing but
// their VPC's endpoints (ECR, S3, CloudWatch Logs, STS), which is what starting a task takes.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { readEdgeStack } from "edge-security";

const config = new pulumi.Config();
const serviceName = config.require("service");
const region = config.require("region");
const image = config.require("image");

// The backend group opens HTTPS only to the VPC's endpoints and S3: an image from any other
// registry, or from ECR in another region, cannot be pulled. Checked before anything is created.
const ECR_IMAGE = new RegExp(`^[0-9]{12}\\.dkr\\.ecr\\.${region.replace(/[^a-z0-9-]/g, "")}\\.amazonaws\\.com/[a-z0-9._/-]+(:[A-Za-z0-9_.-]{1,128}|@sha256:[0-9a-f]{64})$`);
if (!ECR_IMAGE.test(image)) {
  throw new Error(`image: got ${JSON.stringify(image)}; allowed: an ECR image in ${region}, "<account>.dkr.ecr.${region}.amazonaws.com/<repository>:<tag>" or "@sha256:<digest>" ` +
    "(the tasks reach only their VPC's ECR and S3 endpoints; mirror other images with an ECR pull-through cache rule)");
}

const edge = readEdgeStack(new pulumi.StackReference(config.require("edgeStack")));
const entry = edge.privateServices.apply((all) => {
  const found = all?.[serviceName];
  if (!found?.targetGroupArn || !found.backendSecurityGroupId) {
    throw new Error(`privateServices.${serviceName} has no target group: give it a targetType in the edge's privateIntegration`);
  }
  if (found.targetType !== "ip") {
    throw new Error(`privateServices.${serviceName} has targetType ${JSON.stringify(found.targetType)}; Fargate tasks register by IP: set targetType "ip" in the edge's privateIntegration`);
  }
  return found;
});
// The edge's subnets for the service's VPC (a created VPC's route to S3 is theirs), unless set here.
const subnetOverride = config.getObject<string[]>("subnetIds") ?? [];
const subnets = subnetOverride.length > 0 ? pulumi.output(subnetOverride) : entry.apply((s) => {
  if (!s.subnetIds?.length) throw new Error(`privateServices.${serviceName} names no subnets (an edge stack older than its subnetIds output): set subnetIds`);
  return s.subnetIds;
});

// Pulls the image and writes the logs; the task itself gets no role, so no AWS credentials.
const executionRole = new aws.iam.Role(`${serviceName}-execution`, {
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" }),
});
new aws.iam.RolePolicyAttachment(`${serviceName}-execution`, {
  role: executionRole.name,
  policyArn: aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy,
});
// Created here: the execution role's managed policy may write to a log group, not create one.
const logs = new aws.cloudwatch.LogGroup(serviceName, { name: `/ecs/${serviceName}`, retentionInDays: 30, region });

const cluster = new aws.ecs.Cluster(serviceName, { region });
const task = new aws.ecs.TaskDefinition(serviceName, {
  family: serviceName,
  requiresCompatibilities: ["FARGATE"],
  networkMode: "awsvpc",
  cpu: "256",
  memory: "512",
  executionRoleArn: executionRole.arn,
  // The container listens on the service's port from the edge config, which is the target group's port.
  containerDefinitions: pulumi.all([entry, logs.name]).apply(([s, group]) => JSON.stringify([{
    name: serviceName,
    image,
    essential: true,
    portMappings: [{ containerPort: s.port, protocol: "tcp" }],
    logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": group, "awslogs-region": region, "awslogs-stream-prefix": serviceName } },
  }])),
  region,
});

new aws.ecs.Service(serviceName, {
  cluster: cluster.arn,
  taskDefinition: task.arn,
  desiredCount: 2,
  launchType: "FARGATE",
  networkConfiguration: {
    subnets,
    securityGroups: [entry.apply((s) => s.backendSecurityGroupId as string)],
    assignPublicIp: false,
  },
  loadBalancers: [{ targetGroupArn: entry.apply((s) => s.targetGroupArn as string), containerName: serviceName, containerPort: entry.apply((s) => s.port) }],
  // A task that cannot start fails `pulumi up` and rolls back, instead of a success that serves nothing.
  deploymentCircuitBreaker: { enable: true, rollback: true },
  waitForSteadyState: true,
  region,
});

export const url = entry.apply((s) => s.url);
export const taskSubnetIds = subnets;
