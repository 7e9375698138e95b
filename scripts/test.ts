/**
 * `npm test`: type-check, build the client (the browser test runs against the production build),
 * then every vitest suite. Ends with one plain line "N passed, N failed" (the type-check and the
 * build count as one check each) and exits non-zero if anything failed or nothing ran.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../server/config";

const resultsDir = join(repoRoot, ".test-results");
const vitestReport = join(resultsDir, "vitest.json");
const bin = (name: string) => join(repoRoot, "node_modules", ".bin", name);

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n── ${label}`);
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: "inherit", env: process.env });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`── ${label}: ${ok ? "ok" : "FAILED"} (${seconds} s)`);
  return ok;
}

mkdirSync(resultsDir, { recursive: true });
rmSync(vitestReport, { force: true });
let passed = 0;
let failed = 0;
const count = (ok: boolean) => (ok ? passed++ : failed++);

count(run("type-check (tsc --noEmit)", bin("tsc"), ["--noEmit"]));
count(run("client build (vite build)", bin("vite"), ["build", "--logLevel", "warn"]));
const filters = process.argv.slice(2);
run("tests (vitest)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`, ...filters]);

if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTotalTests: number;
    testResults: { status: string; message?: string; name: string }[];
  };
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A test file that fails to load reports no tests; count it so it cannot pass silently.
  for (const file of report.testResults) if (file.status === "failed" && file.message) failed++;
  if (report.numPendingTests > 0) console.log(`(${report.numPendingTests} skipped)`);
  if (report.numTotalTests === 0) {
    console.log("vitest ran no test");
    failed++;
  }
} else {
  console.log("vitest wrote no report");
  failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
