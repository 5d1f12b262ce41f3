/**
 * The thin origin-request handler: credentials once per container, the pure adapters and the signing
 * core, and a deliberate error response for anything that goes wrong. It never forwards a request it
 * could not sign and never throws.
 */
import type { CloudFrontRequestEvent, CloudFrontRequestResult } from "aws-lambda";
import { checkBodyEncoding } from "./body";
import { apiOriginOf, bodyOf, checkHeaderCount, returnedOrigin, rewriteHeaders } from "./cloudfront";
import { credentialSource, type CredentialEnvironment } from "./credentials";
import { failureResponse, SignerFailure, type FailureCode } from "./failure";
import { forwardedPath } from "./path";
import { formatQuery, parseQuery } from "./query";
import type { SignerSettings } from "./settings";
import { signRequest } from "./sign";

/** API Gateway's SigV4 service name, for REST, HTTP and WebSocket APIs alike. */
const SERVICE = "execute-api";

export interface HandlerDependencies {
  /** Where Lambda's reserved credential variables are read. @default process.env */
  readonly env?: CredentialEnvironment;
  /** The signing clock. @default () => new Date() */
  readonly now?: () => Date;
  /** Receives one JSON line per failure. @default console.error */
  readonly log?: (line: string) => void;
}

export type OriginRequestHandler = (event: CloudFrontRequestEvent) => Promise<CloudFrontRequestResult>;

export function createHandler(settings: SignerSettings, dependencies: HandlerDependencies = {}): OriginRequestHandler {
  const credentials = credentialSource(dependencies.env ?? process.env);
  const now = dependencies.now ?? (() => new Date());
  const log = dependencies.log ?? ((line: string) => console.error(line));

  return async (event) => {
    const cf = event?.Records?.[0]?.cf;
    const requestId = cf?.config?.requestId ?? "";
    try {
      const request = cf.request;
      const current = credentials();
      if (current === undefined) throw new SignerFailure("NO_CREDENTIALS", "credentials: not in environment");
      const origin = apiOriginOf(request, settings.origins);
      checkHeaderCount(request.headers);
      const path = forwardedPath(origin.path, origin.prefix, request.uri);
      const query = parseQuery(request.querystring);
      const body = bodyOf(request);
      checkBodyEncoding(request.headers, body);
      const signed = await signRequest(
        { method: request.method, host: origin.domain, path, query, body },
        current,
        { region: origin.region, service: SERVICE, now: now() },
      );
      // The whole wire path goes in `uri` and the origin path is emptied, so the origin receives exactly what was
      // signed; the connection is pinned to HTTPS on 443 with TLS 1.2, whatever the origin said.
      return {
        ...request,
        uri: path,
        querystring: formatQuery(query),
        headers: rewriteHeaders(request.headers, origin.domain, signed, settings.authorizationHeader, origin.custom.customHeaders),
        origin: { custom: returnedOrigin(origin.custom) },
      };
    } catch (error) {
      const failure = error instanceof SignerFailure ? error : undefined;
      const code: FailureCode = failure?.code ?? "SIGNING_FAILED";
      const response = failureResponse(code, requestId);
      // Only fixed texts: never credentials, signatures, tokens, Authorization values or request data.
      log(JSON.stringify({
        level: "ERROR",
        message: "not signed",
        code,
        status: response.status,
        detail: failure?.detail ?? (error instanceof Error ? error.name : typeof error),
        requestId,
        distributionId: cf?.config?.distributionId ?? "",
      }));
      return response;
    }
  };
}
