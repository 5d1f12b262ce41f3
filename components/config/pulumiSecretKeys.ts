import * as runtimeConfig from "@pulumi/pulumi/runtime/config";

/**
 * The config keys (`edge-security:shield`) whose values the Pulumi engine marks secret. The program receives them
 * decrypted, so an error about one must not print its value. Pulumi's SDK answers this with `isConfigSecret`,
 * which its typings mark internal (it reads the keys the engine passes in PULUMI_CONFIG_SECRET_KEYS); without it,
 * no key is taken as secret.
 */
export function pulumiSecretKeys(all: Readonly<Record<string, string>>): string[] {
  const isConfigSecret = (runtimeConfig as { isConfigSecret?: (key: string) => boolean }).isConfigSecret;
  return isConfigSecret ? Object.keys(all).filter((key) => isConfigSecret(key)) : [];
}
