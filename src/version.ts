/** The package version, shown by `adequacy --version` and in reproducibility notes (checked against package.json in tests). */
export const VERSION = "0.1.0";
