import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EDGE_TRUST_POLICY } from "./invokePolicy";

/**
 * The signer's role: trusted by Lambda and Lambda@Edge, with no permissions of its own (EdgeSigner adds its
 * invoke and log rights as a separate RolePolicy, which needs the APIs). It needs no API, so it can be made
 * before them and the REST APIs' signer-only resource policies can name it from their first deployment.
 */
export function createSignerRole(name: string, tags: Readonly<Record<string, string>> | undefined, opts: pulumi.CustomResourceOptions = {}): aws.iam.Role {
  return new aws.iam.Role(name, { assumeRolePolicy: EDGE_TRUST_POLICY, description: "Lambda@Edge SigV4 signer", tags: { ...tags } }, opts);
}
