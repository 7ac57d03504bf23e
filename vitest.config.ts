import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // test/notebooks checks freshly executed notebooks: scripts/run-notebooks.mjs executes them into a
    // temporary folder and runs it with NOTEBOOKS_EXECUTED set to that folder.
    exclude: process.env.NOTEBOOKS_EXECUTED
      ? configDefaults.exclude
      : [...configDefaults.exclude, "test/notebooks/**"],
    setupFiles: ["test/helpers/matchers.ts", "test/helpers/fastCheck.ts"],
    globalSetup: ["test/helpers/globalSetup.ts"],
    // Every core: on the 2-core CI machine two workers cut the suite's time by about a third.
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
  },
});
