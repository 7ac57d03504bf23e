// Loaded with `node --import` by a test: appends every module URL the process resolves to the file named
// by $RECORD_IMPORTS, so the test can see which packages a command loaded.
import { register } from "node:module";

register("./recordImportsHooks.mjs", import.meta.url, { data: { file: process.env.RECORD_IMPORTS } });
