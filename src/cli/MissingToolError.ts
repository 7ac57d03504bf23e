/** A browser or tool this machine lacks: exit code 1 with how to install it, not a stack trace. */
export class MissingToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MissingToolError";
  }
}
