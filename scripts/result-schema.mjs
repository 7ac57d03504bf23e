#!/usr/bin/env node
// Writes docs/schema/assessment.schema.json, the JSON Schema of the assessment record that
// `adequacy assess --format json` prints (`assessmentRecord(assessInvestigation(…))`), generated from the library's
// TypeScript types (so it cannot drift from them: test/investigation/assessmentSchema.test.ts regenerates
// it and compares). With --check, exits 1 when the committed schema differs from a fresh one.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createGenerator } from "ts-json-schema-generator";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const SCHEMA_PATH = join(root, "docs", "schema", "assessment.schema.json");

export function assessmentSchema() {
  const config = {
    path: join(root, "src", "index.ts"),
    tsconfig: join(root, "tsconfig.json"),
    type: "AssessmentRecord",
    expose: "none",
    topRef: true,
    jsDoc: "extended",
    additionalProperties: false,
    skipTypeCheck: true,
  };
  const schema = createGenerator(config).createSchema(config.type);
  const text = JSON.stringify(
    {
      $schema: schema.$schema,
      title: "sampling-adequacy assessment record (adequacy assess --format json)",
      ...schema,
    },
    null,
    2,
  );
  return `${text}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const fresh = assessmentSchema();
  if (process.argv.includes("--check")) {
    const committed = readFileSync(SCHEMA_PATH, "utf8");
    if (committed !== fresh) {
      console.error("docs/schema/assessment.schema.json is stale: run npm run schema:results and commit it");
      process.exit(1);
    }
  } else {
    writeFileSync(SCHEMA_PATH, fresh);
    console.log(`wrote ${SCHEMA_PATH}`);
  }
}
