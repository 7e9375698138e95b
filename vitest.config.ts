import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // Room and process tests log only what goes wrong; a test that reads the log sets its own level.
    env: { LOG_LEVEL: "warn" },
    projects: [
      // Pure tests of shared code: in parallel.
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      // Tests that start servers, processes or Chromium: on two cores they are steadier one file at a time.
      { extends: true, test: { name: "server", include: ["test/server/**/*.test.ts", "test/e2e/**/*.test.ts"], fileParallelism: false } },
    ],
  },
});
