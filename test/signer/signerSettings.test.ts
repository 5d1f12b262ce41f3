/** The origin list baked into the signer: derived from the same ApiOrigin list, and the same functions, as the distribution's origins. */
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { DistributionConfig } from "../../components/config/distribution";
import { SIGNER_DEFAULTS } from "../../components/config/signer";
import { originFor } from "../../components/edge/distributionInputs";
import { signerOriginOf, signerSettingsFor } from "../../components/edge/signerSettings";
import { ApiOrigin } from "../../components/shared/types";
import { installMocks, valueOf } from "../support/mocks";

const origins: ApiOrigin[] = [
  { name: "rest", kind: "REST", apiId: pulumi.output("restid0001"), stage: pulumi.output("prod"), region: "eu-west-1", pathPattern: "*" },
  { name: "http", kind: "HTTP", apiId: "httpid0001", stage: "$default", region: "us-west-2", pathPattern: "/http/*" },
  { name: "ws", kind: "WEBSOCKET", apiId: "wsid000001", stage: "live", region: "ap-northeast-1", pathPattern: "/v1/ws/*" },
  { name: "orders", kind: "REST", apiId: "ordersid01", stage: "v1", region: "eu-central-1", pathPattern: "/orders/*", restrictToSigner: true },
];
const DISTRIBUTION: DistributionConfig = {
  priceClass: "PriceClass_100", viewerProtocolPolicy: "https-only", aliases: [], originReadTimeout: 30, originKeepaliveTimeout: 5,
  geoRestriction: { type: "none", locations: [] },
};

describe("signerSettingsFor", () => {
  before(() => installMocks());

  it("bakes exactly each API's domain, origin path, routing prefix and signing region, with the authorization header", async () => {
    assert.deepEqual(await valueOf(signerSettingsFor({ ...SIGNER_DEFAULTS, authorizationHeader: "x-app-authorization" }, origins)), {
      origins: [
        { domain: "restid0001.execute-api.eu-west-1.amazonaws.com", path: "/prod", prefix: "", region: "eu-west-1" },
        { domain: "httpid0001.execute-api.us-west-2.amazonaws.com", path: "", prefix: "/http", region: "us-west-2" },
        { domain: "wsid000001.execute-api.ap-northeast-1.amazonaws.com", path: "/live", prefix: "/v1/ws", region: "ap-northeast-1" },
        { domain: "ordersid01.execute-api.eu-central-1.amazonaws.com", path: "/v1", prefix: "/orders", region: "eu-central-1" },
      ],
      authorizationHeader: "x-app-authorization",
    });
  });

  it("describes each origin exactly as the distribution's origin does (domain, origin path, X-Forwarded-Prefix)", async () => {
    for (const origin of origins) {
      const cloudfront = pulumi.output(originFor(origin, DISTRIBUTION));
      const { domainName: domain, originPath: path, customHeaders: headers = [] } = await valueOf(cloudfront);
      const signer = await valueOf(signerOriginOf(origin));
      assert.deepEqual([signer.domain, signer.path, signer.prefix], [domain, path ?? "", headers.find((h) => h.name === "X-Forwarded-Prefix")?.value ?? ""], origin.name);
    }
  });
});
