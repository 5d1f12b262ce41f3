/** Shared harness for the handler specs: a handler on a fixed clock and credentials, with its log captured. */
import assert from "node:assert/strict";
import type { CloudFrontRequest, CloudFrontRequestEvent, CloudFrontResultResponse } from "aws-lambda";
import { createHandler } from "../../../edge-functions/sigv4-signer/src/handler";
import { DEFAULT_AUTHORIZATION_HEADER, type SignerSettings } from "../../../edge-functions/sigv4-signer/src/settings";
import { CREDENTIALS_ENV, originRequestEvent, SIGNING_TIME, TEST_ORIGINS, VERIFIER_KEYS, type EventInput } from "./events";
import { verifySigV4, type ReceivedRequest } from "./verifySigV4";

export const logs: string[] = [];
/** The settings the handler specs run with: the test origins and the default authorization header. */
export const TEST_SETTINGS: SignerSettings = { origins: TEST_ORIGINS, authorizationHeader: DEFAULT_AUTHORIZATION_HEADER };
export function handlerWith(settings: Partial<SignerSettings> = {}, env: Record<string, string | undefined> = { ...CREDENTIALS_ENV }) {
  return createHandler({ ...TEST_SETTINGS, ...settings }, { env, now: () => SIGNING_TIME, log: (line) => logs.push(line) });
}
export const verify = (received: ReceivedRequest, region = "eu-west-1") =>
  verifySigV4(received, { region, service: "execute-api", now: SIGNING_TIME, keys: VERIFIER_KEYS });

export async function forward(input: EventInput, settings: Partial<SignerSettings> = {}): Promise<CloudFrontRequest> {
  const result = await handlerWith(settings)(originRequestEvent(input));
  assert.ok(!("status" in result!), `expected a forwarded request, got ${JSON.stringify(result)}`);
  return result as CloudFrontRequest;
}
export async function refuse(input: EventInput | CloudFrontRequestEvent, settings: Partial<SignerSettings> = {}, env?: Record<string, string | undefined>) {
  const event = "Records" in input ? input : originRequestEvent(input as EventInput);
  const result = await handlerWith(settings, env)(event);
  assert.ok(result && "status" in result, "expected a generated response");
  return result as CloudFrontResultResponse;
}
export const values = (request: CloudFrontRequest, name: string) => request.headers[name]?.map((h) => `${h.key}: ${h.value}`);
const SCOPE = `Credential=${CREDENTIALS_ENV.AWS_ACCESS_KEY_ID}/20260301/eu-west-1/execute-api/aws4_request`;
export const AUTHORIZATION = new RegExp(`^AWS4-HMAC-SHA256 ${SCOPE}, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$`);

