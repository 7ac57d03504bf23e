import fc from "fast-check";
import { FC_SEED } from "./fastCheckSeed.js";

// A setup file: every fc.assert in every test file starts from FC_SEED (and FC_PATH when replaying).
if (!Number.isSafeInteger(FC_SEED))
  throw new Error(`FC_SEED must be a whole number; got ${process.env.FC_SEED}`);
fc.configureGlobal({
  seed: FC_SEED,
  ...(process.env.FC_PATH === undefined ? {} : { path: process.env.FC_PATH }),
});
