import { z } from "zod";

/** AWS's tag rules; 45 leaves room for the tags the stack adds itself within AWS's 50 per resource. */
export const MAX_TAGS = 45;
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

export const tagKey = z.string().refine((key) => key.length >= 1 && key.length <= 128 && TAG_TEXT.test(key) && !key.toLowerCase().startsWith("aws:"), {
  error: "allowed: a key of 1-128 letters, digits, spaces and _ . : / = + - @, not starting with aws:",
});
export const tagValue = z.string({ error: "allowed: a value of up to 256 letters, digits, spaces and _ . : / = + - @" }).refine((v) => v.length <= 256 && TAG_TEXT.test(v), {
  error: "allowed: a value of up to 256 letters, digits, spaces and _ . : / = + - @",
});

/** `edge-security:tags`: tags on every taggable resource (the stack adds `edge-security:stack`). */
export const tagsSchema = z
  .record(tagKey, tagValue, { error: "allowed: a map of tag names to string values" })
  .refine((tags) => Object.keys(tags).length <= MAX_TAGS, { error: `allowed: at most ${MAX_TAGS} tags` });
