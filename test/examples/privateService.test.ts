import { strict as assert } from "node:assert";
import { settle, valueOf } from "../support/mocks";
import { loadExample } from "./loadExample";

const EDGE = {
  privateServices: {
    catalog: {
      routePath: "/v1/catalog",
      port: 8081,
      vpcLinkId: "link-1",
      targetGroupArn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/catalog/1",
      backendSecurityGroupId: "sg-0123",
      url: "https://d1.cloudfront.net/services/v1/catalog",
    },
  },
};
const CONFIG = { edgeStack: "acme/edge-security/prod", region: "eu-west-1", image: "repo/catalog:1", subnetIds: JSON.stringify(["subnet-a", "subnet-b"]) };

describe("examples/private-service", () => {
  it("runs the service's tasks in the edge's target group, on the edge's port, behind its security group", async () => {
    const { created, program } = loadExample("private-service", "private-service-example", { ...CONFIG, service: "catalog" }, EDGE);
    assert.equal(await valueOf(program.url), "https://d1.cloudfront.net/services/v1/catalog");
    await settle();
    const task = created.find((r) => r.type === "aws:ecs/taskDefinition:TaskDefinition")!.inputs;
    assert.deepEqual(JSON.parse(task.containerDefinitions)[0].portMappings, [{ containerPort: 8081, protocol: "tcp" }]);
    const service = created.find((r) => r.type === "aws:ecs/service:Service")!.inputs;
    assert.deepEqual(service.loadBalancers, [{ targetGroupArn: EDGE.privateServices.catalog.targetGroupArn, containerName: "catalog", containerPort: 8081 }]);
    assert.deepEqual(service.networkConfiguration, { subnets: ["subnet-a", "subnet-b"], securityGroups: ["sg-0123"], assignPublicIp: false });
  });

  it("fails loudly for a service the edge gave no target group", async () => {
    const { program } = loadExample("private-service", "private-service-example", { ...CONFIG, service: "nope" }, EDGE);
    await assert.rejects(valueOf(program.url), /privateServices\.nope has no target group/);
  });
});
