import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createSignerRole } from "../signer/signerRole";

/**
 * The signer role of `new EdgeProtection(edgeName, ...)`, made before it and before the APIs, whose REST resource
 * policies admit only this role: pass its `arn` to ProtectedApis and PrivateMicroservices and the role itself as
 * EdgeProtection's `signerRole`. It takes the name EdgeProtection gives its signer's role, and an alias to the place
 * it had inside EdgeProtection's signer, so a deployed stack keeps its role (and publishes no new signer version).
 * `opts.parent` is EdgeProtection's parent too, if it has one.
 */
export function edgeSignerRole(edgeName: string, tags?: Readonly<Record<string, string>>, opts: pulumi.CustomResourceOptions = {}): aws.iam.Role {
  const edge = pulumi.createUrn(edgeName, "edge-security:edge:EdgeProtection", opts.parent);
  const signer = pulumi.createUrn(`${edgeName}-signer`, "edge-security:signer:EdgeSigner", edge);
  return createSignerRole(`${edgeName}-signer-role`, tags, { ...opts, aliases: [...(opts.aliases ?? []), { parent: signer }] });
}
