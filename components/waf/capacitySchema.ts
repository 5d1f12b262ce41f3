import { flag, intIn, strictObject, whenValid } from "../shared/schema/fields";


/** The WCU the base price covers, and the hard maximum of a web ACL (AWS WAF pricing; quotas). */
export const BASE_CAPACITY = 1500;
export const MAX_CAPACITY = 5000;

/** The web ACL's WCU budget: the base 1,500 unless the extra fees are accepted, at most 5,000. */
export const capacitySchema = strictObject({
  limit: intIn(1, MAX_CAPACITY, `allowed: a whole number of WCU from 1 to ${MAX_CAPACITY}`).default(BASE_CAPACITY),
  acceptExtraFees: flag().default(false),
}).superRefine((capacity, ctx) => {
  if (capacity.limit <= BASE_CAPACITY || capacity.acceptExtraFees) return;
  ctx.addIssue({
    code: "custom",
    path: ["limit"],
    input: capacity.limit,
    message: `allowed: at most ${BASE_CAPACITY}, or set capacity.acceptExtraFees: true (AWS charges for WCU above ${BASE_CAPACITY}; maximum ${MAX_CAPACITY})`,
  });
}, whenValid());
