/**
 * Deliberate failures: every problem the signer can meet maps to one HTTP error that CloudFront returns
 * to the viewer instead of forwarding a request that API Gateway would reject or misread.
 */
import type { CloudFrontResultResponse } from "aws-lambda";

export type FailureCode =
  | "MALFORMED_REQUEST"
  | "URI_TOO_LONG"
  | "HEADERS_TOO_LARGE"
  | "BODY_TRUNCATED"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "BODY_NOT_INCLUDED"
  | "NO_CREDENTIALS"
  | "UNKNOWN_ORIGIN"
  | "SIGNING_FAILED";

/** The HTTP status of each failure: 4xx for what the viewer sent, 5xx for what the edge cannot do. */
export const FAILURE_STATUS: Readonly<Record<FailureCode, number>> = {
  MALFORMED_REQUEST: 400,
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  BODY_TRUNCATED: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BODY_NOT_INCLUDED: 500,
  NO_CREDENTIALS: 500,
  SIGNING_FAILED: 500,
  UNKNOWN_ORIGIN: 502,
};
const DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: "Bad Request",
  413: "Payload Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  431: "Request Header Fields Too Large",
  500: "Internal Server Error",
  502: "Bad Gateway",
};

/** A failure with a fixed code; `detail` goes to the log only and never holds request values or secrets. */
export class SignerFailure extends Error {
  constructor(readonly code: FailureCode, readonly detail: string) {
    super(detail);
    this.name = "SignerFailure";
  }
}

/** The generated response for a failure: small JSON, never cached, no request data echoed. */
export function failureResponse(code: FailureCode, requestId: string): CloudFrontResultResponse {
  const status = FAILURE_STATUS[code];
  const statusDescription = DESCRIPTIONS[status];
  return {
    status: String(status),
    statusDescription,
    headers: {
      "content-type": [{ key: "Content-Type", value: "application/json" }],
      "cache-control": [{ key: "Cache-Control", value: "no-store" }],
    },
    body: JSON.stringify({ message: statusDescription, code, requestId }),
  };
}
