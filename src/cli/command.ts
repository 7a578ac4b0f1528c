/** One CLI subcommand. `run` returns the exit code: 0 ok, 1 findings over a limit, 2 bad input. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

/** An error whose message is meant for the user as one line (exit 2, no stack trace). */
export class UsageError extends Error {}
