import { z } from "zod";
import { parseArn } from "../shared/arn";
import { ALWAYS, choice, intIn, listOf, strictObject, text, whenValid } from "../shared/schema/fields";
import { DNS_NAME_ALLOWED, DNS_NAME_PATTERN, NAME_ALLOWED, NAME_PATTERN, PATH_ALLOWED, PATH_PATTERN, PORT_ALLOWED } from "./configRules";
import { SERVICE_PROTOCOLS, TARGET_TYPES, TargetType } from "./settings";

const LISTENER_RESOURCE = /^listener\/(app|net)\/[A-Za-z0-9-]{1,32}\/[0-9a-f]+\/[0-9a-f]+$/;
const CLOUD_MAP_RESOURCE = /^service\/srv-[a-z0-9]+$/;
const TARGET_KEYS = ["targetType", "listenerArn", "cloudMapServiceArn"] as const;
/** @default targetType of a service that names no existing listener or Cloud Map service */
export const DEFAULT_TARGET_TYPE: TargetType = "ip";

const LISTENER_ALLOWED = "allowed: an ALB or NLB listener ARN (arn:aws:elasticloadbalancing:<region>:<account>:listener/app/... or listener/net/...)";
const CLOUD_MAP_ALLOWED = "allowed: a Cloud Map service ARN (arn:aws:servicediscovery:<region>:<account>:service/srv-...)";
const port = () => intIn(1, 65535, PORT_ALLOWED);

const serviceFields = strictObject({
  /** Unique name; keys every child resource and output of this service. */
  name: text(NAME_PATTERN, NAME_ALLOWED),
  /** Route path on the API, e.g. `/orders`; the service answers `/orders` and `/orders/*`. */
  pathPrefix: text(PATH_PATTERN, PATH_ALLOWED),
  /** Name of a declared VPC. */
  vpc: z.string({ error: "allowed: the name of a VPC declared under vpcs" }),
  /** Port the microservice listens on (existing listener: its port; Cloud Map: the instance port). */
  port: port(),
  /** Application protocol the service speaks on its port. @default "HTTP" */
  protocol: choice(SERVICE_PROTOCOLS).default("HTTP"),
  /**
   * A DNS name the service's certificate covers, for services API Gateway reaches over TLS itself
   * (see `apiSpeaksTls`): API Gateway sends it as SNI and Host and verifies the certificate against
   * it. The connection still goes through the VPC link, so the name need not resolve.
   */
  tlsHostname: text(DNS_NAME_PATTERN, DNS_NAME_ALLOWED).optional(),
  /** A target group the component creates, registering tasks (`ip`) or instances. @default "ip" unless listenerArn or cloudMapServiceArn */
  targetType: choice(TARGET_TYPES).optional(),
  /** An existing ALB or NLB listener to integrate with (HTTP API only). */
  listenerArn: z.string({ error: LISTENER_ALLOWED }).refine(isListenerArn, { error: LISTENER_ALLOWED }).optional(),
  /** An existing AWS Cloud Map service to integrate with (HTTP API only). */
  cloudMapServiceArn: z.string({ error: CLOUD_MAP_ALLOWED }).refine(isCloudMapArn, { error: CLOUD_MAP_ALLOWED }).optional(),
  /** NLB this service sits behind (rest-shared-nlb, rest-nlb-to-alb). @default the VPC's name */
  nlb: text(NAME_PATTERN, NAME_ALLOWED).optional(),
  /** ALB this service is path-routed on (http-api, rest-nlb-to-alb, rest-vpclink-v2). @default the VPC's name */
  alb: text(NAME_PATTERN, NAME_ALLOWED).optional(),
  /** NLB listener port (NLB topologies). @default `port`; rest-nlb-to-alb: 80 */
  listenerPort: port().optional(),
  /** Health check path of target groups behind an ALB. */
  healthCheckPath: text(/^\/[\x21-\x7e]{0,1023}$/, 'allowed: a path starting with "/", printable ASCII').default("/"),
});

function isListenerArn(value: string): boolean {
  const arn = parseArn(value);
  return arn?.service === "elasticloadbalancing" && LISTENER_RESOURCE.test(arn.resource);
}

function isCloudMapArn(value: string): boolean {
  const arn = parseArn(value);
  return arn?.service === "servicediscovery" && CLOUD_MAP_RESOURCE.test(arn.resource);
}

/** One service: exactly one of targetType (default "ip"), listenerArn or cloudMapServiceArn. */
export const serviceSchema = serviceFields
  .superRefine((service, ctx) => {
    const given = TARGET_KEYS.filter((key) => service[key] !== undefined);
    for (const key of given.slice(1)) {
      ctx.addIssue({ code: "custom", path: [key], input: service[key], message: `give only one of targetType, listenerArn or cloudMapServiceArn (${given[0]} is set)` });
    }
  }, ALWAYS)
  .transform(({ targetType, listenerArn, cloudMapServiceArn, ...service }) =>
    listenerArn !== undefined ? { ...service, listenerArn }
      : cloudMapServiceArn !== undefined ? { ...service, cloudMapServiceArn }
        : { ...service, targetType: targetType ?? DEFAULT_TARGET_TYPE });

/** `services`: names and path prefixes unique, and prefixes never nest (an ALB rule for `/a/*` would also catch `/a/b`). */
export const servicesSchema = listOf(serviceSchema, "allowed: a non-empty list of services, each { name, pathPrefix, vpc, port, ... }")
  .min(1, { error: "allowed: a non-empty list of services, each { name, pathPrefix, vpc, port, ... }" })
  .superRefine((services, ctx) => {
    const names = new Map<string, number>();
    const prefixes = new Map<string, string>();
    services.forEach((s, i) => {
      const first = names.get(s.name);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: [i, "name"], input: s.name, message: `allowed: a name no other service has (services[${first}] is also "${s.name}")` });
      else names.set(s.name, i);
      const owner = prefixes.get(s.pathPrefix);
      if (owner !== undefined) ctx.addIssue({ code: "custom", path: [i, "pathPrefix"], input: s.pathPrefix, message: `allowed: a path prefix no other service has (service "${owner}" has it)` });
      else prefixes.set(s.pathPrefix, s.name);
    });
    services.forEach((s, i) => {
      const segments = s.pathPrefix.split("/");
      for (let n = 2; n < segments.length; n++) {
        const outer = segments.slice(0, n).join("/");
        const owner = prefixes.get(outer);
        if (owner !== undefined) ctx.addIssue({ code: "custom", path: [i, "pathPrefix"], input: s.pathPrefix, message: `nested under "${outer}" of service "${owner}"; path prefixes must not nest` });
      }
    });
  }, whenValid());
