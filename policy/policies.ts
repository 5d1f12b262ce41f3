// Every policy of the pack, in plain modules so tests can call validateResource/validateStack directly;
// index.ts assembles the PolicyPack (whose constructor starts the policy server).
import type { Policies } from "@pulumi/policy";
import { apiRoutesIam } from "./apiRoutesIam";
import { distributionWebAcl } from "./distributionWebAcl";
import { edgeFunctions } from "./edgeFunctions";
import { logGroupRetention } from "./logGroupRetention";
import { prodShield } from "./prodShield";
import { restMethodsIam } from "./restMethodsIam";
import { signerInvokeOnly } from "./signerInvokeOnly";
import { viewerAndOriginTls } from "./viewerAndOriginTls";
import { webAclRateAndLogging } from "./webAclRateAndLogging";

export const EDGE_SECURITY_POLICIES: Policies = [
  restMethodsIam,
  apiRoutesIam,
  distributionWebAcl,
  viewerAndOriginTls,
  edgeFunctions,
  webAclRateAndLogging,
  prodShield,
  signerInvokeOnly,
  logGroupRetention,
];
