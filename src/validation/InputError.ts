/**
 * A value a user supplied is out of its domain. `field` names the option, flag or scenario path;
 * `detail` is the text from {@link messages} that follows it. The message is `${field} ${detail}`.
 */
export class InputError extends RangeError {
  readonly field: string;
  readonly detail: string;

  constructor(field: string, detail: string) {
    super(`${field} ${detail}`);
    this.name = "InputError";
    this.field = field;
    this.detail = detail;
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
