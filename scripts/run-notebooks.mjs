// npm run notebooks: re-executes every notebook headless on the Deno kernel and fails on any cell error.
// Needs Debian's jupyter-nbconvert and jupyter-client (.ci/run installs them) and the npm package deno
// (a dev dependency). The notebooks import the built package, so the build runs first.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.error?.code === "ENOENT") {
    console.error(
      `run-notebooks: ${command} not found. Install Jupyter (Debian: apt-get install jupyter-nbconvert jupyter-client).`,
    );
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run("npm", ["run", "build"]);
run(join("node_modules", ".bin", "deno"), ["jupyter", "--install", "--force"]);
const folder = "notebooks";
for (const name of readdirSync(folder)
  .filter((f) => f.endsWith(".ipynb"))
  .sort()) {
  const path = join(folder, name);
  console.log(`== ${path}`);
  run(
    "jupyter",
    [
      "nbconvert",
      "--to",
      "notebook",
      "--execute",
      "--inplace",
      "--ExecutePreprocessor.kernel_name=deno",
      "--ExecutePreprocessor.timeout=600",
      "--ExecutePreprocessor.record_timing=False",
      path,
    ],
    { env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: "1", NO_COLOR: "1" } },
  );
  const notebook = JSON.parse(readFileSync(path, "utf8"));
  const errors = notebook.cells.flatMap((cell) =>
    (cell.outputs ?? []).filter((o) => o.output_type === "error"),
  );
  if (errors.length > 0) {
    console.error(
      `run-notebooks: ${path} has ${errors.length} error output(s): ${errors.map((e) => `${e.ename}: ${e.evalue}`).join("; ")}`,
    );
    process.exit(1);
  }
}
console.log("notebooks: all executed without errors");
