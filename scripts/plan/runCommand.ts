/** Runs a command's `main` as the process: its exit code, or exit 1 with the message (no stack trace) of an error it did not expect. */
export function runCommand(main: (argv: readonly string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
