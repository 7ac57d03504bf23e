import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import { MissingToolError } from "./MissingToolError.js";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * The web calculator's folder, dist/web in the installed package: found by walking up from this module
 * (src/cli in the sources, dist/cli in the bundle) to the package root.
 */
export function webFolder(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, "package.json")) && dirname(folder) !== folder) folder = dirname(folder);
  return join(folder, "dist", "web");
}

/**
 * Serves the web calculator's static files with Node's own http module, on the loopback address only
 * (the page computes in the browser; the server only hands out files). Resolves once listening.
 *
 * @throws {InputError} naming --port when the port is taken or may not be used
 * @throws {MissingToolError} when the web app was not built (npm run build:web)
 */
export async function serveApp(port: number, folder = webFolder()): Promise<{ server: Server; url: string }> {
  if (!existsSync(join(folder, "index.html"))) {
    throw new MissingToolError(messages.webAppNotBuilt(folder));
  }
  const root = normalize(folder + sep);
  const server = createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    response.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
    });
    response.end(request.method === "HEAD" ? undefined : readFileSync(file));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") reject(new InputError("--port", messages.portInUse(port)));
      else if (error.code === "EACCES") reject(new InputError("--port", messages.portRefused(port)));
      else reject(error);
    });
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const actual = typeof address === "object" && address !== null ? address.port : port;
  return { server, url: `http://127.0.0.1:${actual}/` };
}
