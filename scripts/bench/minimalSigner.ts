/**
 * The bench baseline: the least code that signs an execute-api request with SigV4 on `node:crypto`
 * (host, x-amz-date and token signed; canonical path and query; sha256 payload). No validation.
 */
import { createHash, createHmac } from "node:crypto";

export interface MinimalRequest {
  readonly method: string;
  readonly host: string;
  /** Wire-form path. */
  readonly path: string;
  /** Decoded query pairs. */
  readonly query: readonly (readonly [string, string])[];
  readonly body?: Uint8Array;
}

export interface MinimalCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
}

const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

export function minimalSign(req: MinimalRequest, creds: MinimalCredentials, region: string, now: Date): Record<string, string> {
  const amzDate = now.toISOString().replace(/[-:]|\.\d{3}/g, "");
  const day = amzDate.slice(0, 8);
  const path = req.path.split("/").map(enc).join("/");
  const query = req.query.map(([k, v]) => `${enc(k)}=${enc(v)}`).sort().join("&");
  const payload = createHash("sha256").update(req.body ?? "").digest("hex");
  const canonical = `${req.method}\n${path}\n${query}\nhost:${req.host}\nx-amz-date:${amzDate}\nx-amz-security-token:${creds.sessionToken}\n\nhost;x-amz-date;x-amz-security-token\n${payload}`;
  const scope = `${day}/${region}/execute-api/aws4_request`;
  const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${createHash("sha256").update(canonical).digest("hex")}`;
  const key = hmac(hmac(hmac(hmac(`AWS4${creds.secretAccessKey}`, day), region), "execute-api"), "aws4_request");
  const signature = createHmac("sha256", key).update(toSign).digest("hex");
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope}, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=${signature}`,
    "x-amz-date": amzDate,
    "x-amz-security-token": creds.sessionToken,
  };
}
