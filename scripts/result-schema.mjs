#!/usr/bin/env node
// Writes docs/schema/assessment.schema.json, the JSON Schema of the assessment record that
// `adequacy assess --format json` prints (`assessmentRecord(assessInvestigation(…))`), generated from the library's
// TypeScript types (so it cannot drift from them: test/investigation/assessmentSchema.test.ts regenerates
// it and compares). The echoed scenario's type is inferred from the scenario's zod schema, which the
// TypeScript-type generator cannot walk: its part of the schema is the zod schema's own JSON Schema
// (scenarioRecordJsonSchema), put in where the generator meets the type `ScenarioRecord`. Run with tsx, which
// reads the TypeScript of src/. With --check, exits 1 when the committed schema differs from a fresh one.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  BaseType,
  createFormatter,
  createParser,
  createProgram,
  DEFAULT_CONFIG,
  SchemaGenerator,
} from "ts-json-schema-generator";
import ts from "typescript";
import { scenarioRecordJsonSchema } from "../src/scenario/scenario.js";

/** The type `ScenarioRecord`, taken as a whole (the generator does not look inside it). */
class ScenarioRecordType extends BaseType {
  getId() {
    return "ScenarioRecord";
  }
}

const scenarioRecordParser = {
  supportsNode: (node) => ts.isTypeReferenceNode(node) && node.typeName.getText() === "ScenarioRecord",
  createType: () => new ScenarioRecordType(),
};

const scenarioRecordFormatter = {
  supportsType: (type) => type instanceof ScenarioRecordType,
  getDefinition: () => scenarioRecordJsonSchema(),
  getChildren: () => [],
};

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
  const full = { ...DEFAULT_CONFIG, ...config };
  const program = createProgram(full);
  const parser = createParser(program, full, (chain) => chain.addNodeParser(scenarioRecordParser));
  const formatter = createFormatter(full, (chain) => chain.addTypeFormatter(scenarioRecordFormatter));
  const schema = new SchemaGenerator(program, parser, formatter, full).createSchema(config.type);
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
