/**
 * Lambda's execution-role credentials from its reserved environment variables. The signer keeps one
 * credentials object per container and builds a new one only when the variables change.
 */
import type { SigningCredentials } from "./sign";

/** The reserved variables only; nothing else is read from the environment. */
export interface CredentialEnvironment {
  readonly AWS_ACCESS_KEY_ID?: string;
  readonly AWS_SECRET_ACCESS_KEY?: string;
  readonly AWS_SESSION_TOKEN?: string;
}

/** Returns the current credentials, or undefined when the key id or secret is missing. */
export function credentialSource(env: CredentialEnvironment): () => SigningCredentials | undefined {
  let seen = "";
  let cached: SigningCredentials | undefined;
  return () => {
    const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
    if (!accessKeyId || !secretAccessKey) return undefined;
    const current = `${accessKeyId}\n${secretAccessKey}\n${sessionToken ?? ""}`;
    if (current !== seen) {
      seen = current;
      cached = sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
    }
    return cached;
  };
}
