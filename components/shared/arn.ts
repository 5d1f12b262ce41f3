/** The parts of an Amazon Resource Name: `arn:partition:service:region:account:resource`. */
export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

const ARN_PATTERN = /^arn:(aws|aws-us-gov|aws-cn):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws|):(.+)$/;

/** Parses an ARN, or returns undefined when `value` is not one. */
export function parseArn(value: unknown): Arn | undefined {
  if (typeof value !== "string") return undefined;
  const match = ARN_PATTERN.exec(value);
  if (!match) return undefined;
  const [, partition, service, region, account, resource] = match;
  return { partition, service, region, account, resource };
}
