/** What an AWS SDK error means for verify: no credentials ends the run; a refused call fails one check, naming the permission. */
import { VerifyError } from "./report";

export const NO_CREDENTIALS = "no AWS credentials: set AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) for the stack's account; verify only reads";

export function isCredentialsError(error: unknown): boolean {
  const name = error instanceof Error ? error.name : "";
  const message = error instanceof Error ? error.message : String(error);
  return name === "CredentialsProviderError" || /could not load credentials/i.test(message);
}

export function isAccessDenied(error: unknown): boolean {
  const name = error instanceof Error ? error.name : "";
  return /AccessDenied|UnrecognizedClient|InvalidClientTokenId|ExpiredToken|SignatureDoesNotMatch/i.test(name);
}

/**
 * The evidence of a failed call: the permission it needs when refused, the error's name and message otherwise.
 * Missing credentials are rethrown as the run-ending VerifyError.
 */
export function callFailure(error: unknown, action: string): string {
  if (isCredentialsError(error)) throw new VerifyError(NO_CREDENTIALS);
  const name = error instanceof Error ? error.name : "Error";
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0].slice(0, 200);
  return isAccessDenied(error) ? `${action} was refused (${name}): the identity needs ${action}` : `${action} failed: ${name}: ${message}`;
}
