import { strict as assert } from "node:assert";
import { settle, valueOf } from "../support/mocks";
import { loadExample } from "./loadExample";

const ENTRY = {
  routePath: "/v1/catalog",
  port: 8081,
  vpcLinkId: "link-1",
  targetGroupArn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/catalog/1",
  backendSecurityGroupId: "sg-0123",
  targetType: "ip",
  subnetIds: ["subnet-edge-a", "subnet-edge-b"],
  url: "https://d1.cloudfront.net/services/v1/catalog",
};
const EDGE = { privateServices: { catalog: ENTRY, refunds: { ...ENTRY, targetType: "instance" } } };
const IMAGE = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/catalog:1.4.2";
const CONFIG = { edgeStack: "acme/edge-security/prod", region: "eu-west-1", image: IMAGE, service: "catalog" };
const run = (config: Record<string, string> = {}, edge: object = EDGE) => loadExample("private-service", "private-service-example", { ...CONFIG, ...config }, edge);

describe("examples/private-service", () => {
  it("runs the service's tasks in the edge's target group and subnets, on the edge's port, behind its security group, logging to its own group", async () => {
    const { created, program } = run();
    assert.equal(await valueOf(program.url), ENTRY.url);
    await settle();
    const one = (type: string) => {
      const found = created.filter((r) => r.type === type);
      assert.equal(found.length, 1, type);
      return found[0].inputs;
    };
    assert.deepEqual(one("aws:cloudwatch/logGroup:LogGroup"), { name: "/ecs/catalog", retentionInDays: 30, region: "eu-west-1" });
    const task = one("aws:ecs/taskDefinition:TaskDefinition");
    assert.deepEqual(JSON.parse(task.containerDefinitions), [{
      name: "catalog", image: IMAGE, essential: true,
      portMappings: [{ containerPort: 8081, protocol: "tcp" }],
      logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/catalog", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "catalog" } },
    }]);
    assert.deepEqual([task.requiresCompatibilities, task.networkMode, task.executionRoleArn, task.taskRoleArn], [["FARGATE"], "awsvpc", "arn:aws:mock:us-east-1:123456789012:catalog-execution", undefined]);
    const trust = one("aws:iam/role:Role").assumeRolePolicy;
    assert.deepEqual((typeof trust === "string" ? JSON.parse(trust) : trust).Statement, [{ Sid: "AllowAssumeRole", Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" } }]);
    assert.equal(one("aws:iam/rolePolicyAttachment:RolePolicyAttachment").policyArn, "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");
    const service = one("aws:ecs/service:Service");
    assert.deepEqual(service.loadBalancers, [{ targetGroupArn: ENTRY.targetGroupArn, containerName: "catalog", containerPort: 8081 }]);
    assert.deepEqual(service.networkConfiguration, { subnets: ["subnet-edge-a", "subnet-edge-b"], securityGroups: ["sg-0123"], assignPublicIp: false });
    assert.deepEqual([service.launchType, service.deploymentCircuitBreaker, service.waitForSteadyState], ["FARGATE", { enable: true, rollback: true }, true]);
  });

  it("runs the tasks in the subnets the config names instead", async () => {
    const { created, program } = run({ subnetIds: JSON.stringify(["subnet-a", "subnet-b"]) });
    assert.deepEqual(await valueOf(program.taskSubnetIds), ["subnet-a", "subnet-b"]);
    await settle();
    assert.deepEqual(created.find((r) => r.type === "aws:ecs/service:Service")!.inputs.networkConfiguration.subnets, ["subnet-a", "subnet-b"]);
  });

  it("refuses an image the tasks cannot pull, before creating anything", () => {
    for (const image of ["nginx:1.27", "public.ecr.aws/nginx/nginx:1.27", "123456789012.dkr.ecr.us-east-1.amazonaws.com/catalog:1", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/catalog"]) {
      assert.throws(() => run({ image }), (e: Error) => e.message.startsWith(`image: got ${JSON.stringify(image)}; allowed: an ECR image in eu-west-1`), image);
    }
    assert.doesNotThrow(() => run({ image: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/catalog@sha256:${"a".repeat(64)}` }));
  });

  it("fails loudly for a service the edge gave no target group, an instance target group or no subnets", async () => {
    await assert.rejects(valueOf(run({ service: "nope" }).program.url), /privateServices\.nope has no target group/);
    await assert.rejects(valueOf(run({ service: "refunds" }).program.url), /privateServices\.refunds has targetType "instance"; Fargate tasks register by IP/);
    const old = run({}, { privateServices: { catalog: { ...ENTRY, subnetIds: undefined } } });
    await assert.rejects(valueOf(old.program.taskSubnetIds), /privateServices\.catalog names no subnets \(an edge stack older than its subnetIds output\): set subnetIds/);
    await settle();
    assert.equal(old.created.find((r) => r.type === "aws:ecs/service:Service"), undefined, "no service without subnets");
  });
});
