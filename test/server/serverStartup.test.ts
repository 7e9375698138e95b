import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../server/config";
import { findFreePort } from "../../server/portCheck";

function runServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: repoRoot,
    env: { ...process.env, HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  return once(child, "exit").then(([code]) => {
    clearTimeout(timer);
    return { code: code as number | null, output };
  });
}

describe("server start-up", () => {
  it("exits non-zero with a message naming the port when the port is taken", async () => {
    const port = await findFreePort();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      const { code, output } = await runServer({ PORT: String(port) });
      expect(code).toBe(1);
      expect(output).toContain(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it("exits non-zero with a message for a malformed PORT", async () => {
    const { code, output } = await runServer({ PORT: "twenty" });
    expect(code).toBe(1);
    expect(output).toContain('PORT must be a whole number from 0 to 65535 (got "twenty")');
  });
});
