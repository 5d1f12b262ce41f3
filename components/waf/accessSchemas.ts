/** Access control before every other rule: IP allow and deny lists, and a geo block or allow-only list. */
import { z } from "zod";
import { countryField } from "../config/countries";
import { choice, listOf, strictObject, whenValid } from "../shared/schema/fields";
import { cidrVersion } from "./cidr";


/** IP set Addresses: at most 10,000 per set (AWS WAF quotas). */
export const MAX_IP_SET_ADDRESSES = 10_000;
const CIDR_ALLOWED = "allowed: an IPv4 or IPv6 CIDR block such as 192.0.2.0/24 or 2001:db8::/32";

const cidrList = listOf(z.string({ error: CIDR_ALLOWED }).refine((c) => cidrVersion(c) !== undefined, { error: CIDR_ALLOWED }), "allowed: a list of CIDR blocks")
  .default([])
  .superRefine((cidrs, ctx) => {
    for (const version of ["IPV4", "IPV6"] as const) {
      const count = new Set(cidrs.filter((c) => cidrVersion(c) === version)).size;
      if (count > MAX_IP_SET_ADDRESSES) ctx.addIssue({ code: "custom", path: [], input: cidrs, message: `allowed: at most ${MAX_IP_SET_ADDRESSES} ${version} blocks per IP set (this list has ${count})` });
    }
  }, whenValid())
  .transform((cidrs) => [...new Set(cidrs)]);

/** CIDRs (IPv4 and IPv6 mixed), split into one IP set per version; allow-listed clients skip every later rule. */
export const ipSetsSchema = strictObject({ allow: cidrList, deny: cidrList });

export const geoSchema = strictObject({
  mode: choice(["block", "allow"], ' ("block": these countries; "allow": only these countries)'),
  countries: listOf(countryField, "allowed: a list of ISO 3166-1 alpha-2 country codes such as [DE, FR]").min(1, { error: "required: at least one country code" }),
});
