#!/usr/bin/env node
// The CLI's bundles are loaded with their code caches (src/cli/loadBundle.ts, scripts/build-cli.mjs).
const { join } = require("node:path");
require("../dist/cli/load.cjs").loadBundle(join(__dirname, "..", "dist", "cli", "main.cjs"));
