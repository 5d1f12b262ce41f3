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
  let cached: SigningCredentials | undefined;
  return () => {
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    const sessionToken = env.AWS_SESSION_TOKEN || undefined;
    if (!accessKeyId || !secretAccessKey) return (cached = undefined);
    if (
      cached === undefined ||
      cached.accessKeyId !== accessKeyId ||
      cached.secretAccessKey !== secretAccessKey ||
      cached.sessionToken !== sessionToken
    ) {
      cached = sessionToken === undefined ? { accessKeyId, secretAccessKey } : { accessKeyId, secretAccessKey, sessionToken };
    }
    return cached;
  };
}
