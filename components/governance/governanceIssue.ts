/** A problem the operating model finds in a section's settings: where (a path in the section), the value, and what is allowed. */
export interface GovernanceIssue {
  readonly path: readonly (string | number)[];
  readonly input: unknown;
  readonly message: string;
}
