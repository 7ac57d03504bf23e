import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The bundle format this version writes and reads; a bundle names it in command.json. */
export const BUNDLE_FORMAT = "sampling-adequacy-audit-bundle/1";

/** The files that describe a bundle rather than belong to it: never listed in the manifest. */
export const MANIFEST_FILES = ["manifest.json", "SHA256SUMS"] as const;

/** One file of a bundle: its path relative to the bundle's folder, its size and its SHA-256. */
export interface ManifestEntry {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Every file under `folder`, as paths relative to it with forward slashes, sorted. */
export function listFiles(folder: string, prefix = ""): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(folder, prefix), { withFileTypes: true })) {
    const path = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) files.push(...listFiles(folder, path));
    else files.push(path);
  }
  return files.sort();
}

/** The manifest of a folder: every file but the manifest itself, with its size and SHA-256. */
export function manifestOf(folder: string): ManifestEntry[] {
  return listFiles(folder)
    .filter((path) => !(MANIFEST_FILES as readonly string[]).includes(path))
    .map((path) => {
      const data = readFileSync(join(folder, path));
      return { path, bytes: data.length, sha256: sha256(data) };
    });
}

/** The manifest in the format of coreutils' sha256sum, so that `sha256sum -c SHA256SUMS` checks a bundle. */
export function sha256sums(entries: readonly ManifestEntry[]): string {
  return entries.map((e) => `${e.sha256}  ${e.path}\n`).join("");
}
