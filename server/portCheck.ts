import { createServer } from "node:net";

/** Resolves with an error message when the port cannot be bound (taken, or not allowed), else null. */
export function checkPortFree(port: number, host: string): Promise<string | null> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") resolve(`port ${port} on ${host} is already in use; stop the other program or set PORT to a free port`);
      else if (error.code === "EACCES") resolve(`port ${port} on ${host} needs privileges this process does not have; set PORT above 1023`);
      else resolve(`cannot listen on ${host}:${port}: ${error.message}`);
    });
    probe.listen(port, host, () => probe.close(() => resolve(null)));
  });
}

/** Asks the OS for a free port on the loopback address (for tests and tools). */
export function findFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
