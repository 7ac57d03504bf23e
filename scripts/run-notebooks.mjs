// npm run notebooks: executes every notebook headless on the Deno kernel into a temporary folder (the
// committed notebooks are never rewritten), then fails, naming the notebook and the cell, when a cell
// errors, when an output the cell declares is missing, or when a key number differs from the library's
// (test/notebooks, run on the executed copies) or from the committed outputs (stale notebooks).
// npm run notebooks:refresh runs the same checks, then copies the executed notebooks over the committed
// ones: the only way the committed outputs change.
//
// Each code cell declares its outputs in metadata.adequacy.outputs, one entry per output: "stream" or the
// output's MIME types, sorted and joined with ",". Needs Debian's jupyter-nbconvert and jupyter-client
// (.ci/run installs them) and the npm package deno (a dev dependency). The notebooks import the built
// package, so the build runs first.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const refresh = process.argv.includes("--refresh");
const folder = "notebooks";

function fail(message) {
  console.error(`run-notebooks: ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.error?.code === "ENOENT") {
    fail(`${command} not found. Install Jupyter (Debian: apt-get install jupyter-nbconvert jupyter-client).`);
  }
  if (result.status !== 0) fail(`${command} ${args.join(" ")} exited with ${result.status ?? result.signal}`);
}

/** What a cell produced, in the form metadata.adequacy.outputs declares it. */
function signature(output) {
  if (output.output_type === "stream") return "stream";
  return Object.keys(output.data ?? {})
    .sort()
    .join(",");
}

function keyNumbers(notebook) {
  const record = notebook.cells
    .flatMap((cell) => cell.outputs ?? [])
    .map((output) => output.data?.["application/json"])
    .find((data) => data?.keyNumbers !== undefined);
  return record?.keyNumbers;
}

/** Every problem with one executed notebook, each naming the cell. */
function problems(name, executed, committed) {
  const found = [];
  executed.cells.forEach((cell, index) => {
    if (cell.cell_type !== "code") return;
    const where = `${name}, cell ${index + 1}`;
    for (const error of (cell.outputs ?? []).filter((o) => o.output_type === "error")) {
      found.push(`${where} raised ${error.ename}: ${error.evalue}`);
    }
    const expected = cell.metadata?.adequacy?.outputs;
    if (!Array.isArray(expected)) {
      found.push(`${where} declares no outputs (metadata.adequacy.outputs)`);
      return;
    }
    const actual = (cell.outputs ?? []).filter((o) => o.output_type !== "error").map(signature);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      found.push(`${where} produced [${actual.join(" | ")}] where it declares [${expected.join(" | ")}]`);
    }
  });
  if (!refresh && JSON.stringify(keyNumbers(executed)) !== JSON.stringify(keyNumbers(committed))) {
    found.push(
      `${name}: the committed outputs are stale (their key numbers differ from a fresh run); run npm run notebooks:refresh`,
    );
  }
  return found;
}

run("npm", ["run", "build"]);
run(join("node_modules", ".bin", "deno"), ["jupyter", "--install", "--force"]);
const out = mkdtempSync(join(tmpdir(), "adequacy-notebooks-"));
try {
  const names = readdirSync(folder)
    .filter((f) => f.endsWith(".ipynb"))
    .sort();
  const found = [];
  for (const name of names) {
    console.log(`== ${join(folder, name)}`);
    // The kernel starts in the notebook's own folder (nbconvert's default), so ../dist resolves.
    run(
      "jupyter",
      [
        "nbconvert",
        "--to",
        "notebook",
        "--execute",
        "--output-dir",
        out,
        "--output",
        name,
        "--ExecutePreprocessor.kernel_name=deno",
        "--ExecutePreprocessor.timeout=600",
        "--ExecutePreprocessor.record_timing=False",
        join(folder, name),
      ],
      { env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: "1", NO_COLOR: "1" } },
    );
    const executed = JSON.parse(readFileSync(join(out, name), "utf8"));
    const committed = JSON.parse(readFileSync(join(folder, name), "utf8"));
    found.push(...problems(name, executed, committed));
  }
  if (found.length > 0) fail(`\n  ${found.join("\n  ")}`);
  console.log("== key numbers of the executed notebooks against the library");
  run(join("node_modules", ".bin", "vitest"), ["run", "test/notebooks"], {
    env: { ...process.env, NOTEBOOKS_EXECUTED: out },
  });
  if (refresh) {
    for (const name of names) copyFileSync(join(out, name), join(folder, name));
    console.log(`notebooks: ${names.length} refreshed in ${folder}/`);
  } else {
    console.log(`notebooks: ${names.length} executed, every declared output present, key numbers checked`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
