/**
 * A command line that yargs or a command rejects before any computation (exit code 2). `command` is the
 * command given, when there is one, so that the message can point to its help.
 */
export class UsageError extends Error {
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.name = "UsageError";
    this.command = command;
  }
}
