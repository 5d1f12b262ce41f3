import * as pulumi from "@pulumi/pulumi";

/** The three kinds of API Gateway API the edge can front. */
export type ApiKind = "REST" | "HTTP" | "WEBSOCKET";

/**
 * One API Gateway API that the edge fronts: where CloudFront sends its traffic and what the signer
 * may invoke. Created APIs, existing APIs and private-integration APIs all reduce to this.
 */
export interface ApiOrigin {
  /** Logical name, unique in the stack; used for child resource names and output keys. */
  readonly name: string;
  readonly kind: ApiKind;
  readonly apiId: pulumi.Input<string>;
  /** Stage name; `$default` for HTTP/WebSocket default stages (no origin path then). */
  readonly stage: pulumi.Input<string>;
  /** The API's own region, which is also the SigV4 signing region. */
  readonly region: string;
  /** CloudFront path pattern routed to this API, e.g. `/rest/*`; `*` for the default behaviour. */
  readonly pathPattern: string;
  /** REST only: replace the API's resource policy with one that admits only the signer's role. @default false */
  readonly restrictToSigner?: boolean;
}
