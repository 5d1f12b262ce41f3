/**
 * CloudFront and the Lambda@Edge signer. CloudFront bills the viewer's requests and bytes by where the
 * viewer is (US/Europe rates here), and the bytes it sends the origin for requests with a body; what the
 * API sends back to CloudFront is free ("free for origin fetches from any AWS origin", CloudFront pricing).
 * The signer runs on every request that reaches an origin (nothing is cached).
 */
import type { Billables } from "./billables";
import { CostLine, priced } from "./costLine";
import type { TrafficModel } from "./trafficModel";

const EDGE = "edge";

export function edgeLines(billables: Billables, model: TrafficModel): CostLine[] {
  if (!billables.distribution) return [];
  const { traffic } = model;
  const freeTier = traffic.cloudFrontFreeTier;
  const lines = [
    ...priced("cloudFrontRequests", model.requests, { region: EDGE, freeTier }),
    ...priced("cloudFrontToInternet", model.toInternetGb, { region: EDGE, freeTier }),
    ...priced("cloudFrontToOrigin", model.toOriginGb, { region: EDGE }),
  ];
  if (billables.signer) {
    const gbSeconds = model.requests * (model.billedSignerMs / 1000) * (billables.signer.memoryMb / 1024);
    lines.push(
      ...priced("edgeRequests", model.requests, { region: EDGE }),
      ...priced("edgeDuration", gbSeconds, {
        region: EDGE,
        note: `${model.billedSignerMs} ms billed per request (measured ${traffic.signerDurationMs} ms, rounded up to whole ms) at ${billables.signer.memoryMb} MB`,
      }),
    );
  }
  return lines;
}
