import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { serveApp } from "../../src/cli/serveApp.js";
import { messages } from "../../src/validation/messages.js";
import { run } from "../helpers/runCli.js";

describe("adequacy app", () => {
  it.each([
    ["abc", `--port ${messages.notANumber("abc")}`],
    ["70000", `--port ${messages.wholeInRange(0, 65535, 70000)}`],
    ["-1", `--port ${messages.wholeInRange(0, 65535, -1)}`],
    ["80.5", `--port ${messages.wholeInRange(0, 65535, 80.5)}`],
  ])("app --port %s exits 2 naming --port", async (port, message) => {
    const r = await run("app", "--port", port);
    expect(r).toEqual({ code: 2, stdout: "", stderr: `adequacy: ${message}\n` });
  });

  it("app --port N exits 2 naming --port when N is taken", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", () => resolve()));
    const port = (taken.address() as { port: number }).port;
    try {
      const r = await run("app", "--port", String(port));
      expect(r).toEqual({ code: 2, stdout: "", stderr: `adequacy: --port ${messages.portInUse(port)}\n` });
    } finally {
      taken.close();
    }
  });

  it("serveApp(0) serves the built page and its scripts, and nothing outside dist/web", async () => {
    const { server, url } = await serveApp(0);
    try {
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(await page.text()).toContain('<script src="app.js"></script>');
      const script = await fetch(`${url}charts.js`);
      expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
      for (const path of ["..%2Fpackage.json", "%2e%2e/%2e%2e/package.json", "missing.js"]) {
        expect((await fetch(`${url}${path}`)).status).toBe(404);
      }
      expect((await fetch(url, { method: "POST" })).status).toBe(405);
    } finally {
      server.close();
    }
  });
});
