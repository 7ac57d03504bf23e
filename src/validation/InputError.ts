/**
 * A value a user supplied is out of its domain. `field` names the option, flag or scenario path;
 * `detail` is the text from {@link messages} that follows it. The message is `${field} ${detail}`.
 * `mentions` lists other options the detail names (`allowed` "cannot be given together with
 * expectedRate"), so that the CLI can name them as flags too.
 */
export class InputError extends RangeError {
  readonly field: string;
  readonly detail: string;
  readonly mentions: readonly string[];

  constructor(field: string, detail: string, mentions: readonly string[] = []) {
    super(`${field} ${detail}`);
    this.name = "InputError";
    this.field = field;
    this.detail = detail;
    this.mentions = mentions;
  }
}

/** A value of the wrong type (a string where a number belongs); same shape as {@link InputError}. */
export class InputTypeError extends TypeError {
  readonly field: string;
  readonly detail: string;

  constructor(field: string, detail: string) {
    super(`${field} ${detail}`);
    this.name = "InputTypeError";
    this.field = field;
    this.detail = detail;
  }
}

/**
 * Whether `error` is an {@link InputError}, told by its `name` rather than `instanceof`: the CLI's bundles
 * each carry their own copy of the class (scripts/build-cli.mjs), so an error thrown in one is not an
 * instance of another's.
 */
export function isInputError(error: unknown): error is InputError {
  return error instanceof Error && error.name === "InputError" && "field" in error && "detail" in error;
}

/** Whether `error` is an {@link InputTypeError}, told by its `name` (see {@link isInputError}). */
export function isInputTypeError(error: unknown): error is InputTypeError {
  return error instanceof Error && error.name === "InputTypeError" && "field" in error && "detail" in error;
}
