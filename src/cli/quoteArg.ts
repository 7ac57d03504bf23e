/** An argument as a POSIX shell would need it typed: as it is when plain, else in single quotes. */
export function quoteArg(arg: string): string {
  return /^[\w./:%,=@+-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}
