/**
 * `npm run scenario -- check FILE...`: validates scenario files the way the server loads them. Prints
 * one line per problem, `FILE: path.to.field: what is wrong`, and exits 1 if any file has one, 0 if all
 * are valid. Never crashes on what it is given.
 * `npm run scenario -- schema`: writes the JSON Schema of the format to docs/scenario.schema.json.
 */
import { closeSync, openSync, readSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../server/config";
import { scenarioJsonSchema } from "../shared/scenario/jsonSchema";
import { MAX_SCENARIO_BYTES, parseScenarioText, type ScenarioProblem } from "../shared/scenario/parseScenario";

export const SCHEMA_FILE = join(repoRoot, "docs", "scenario.schema.json");

export function schemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

/** Reads at most the size limit and one byte more, so a huge file is refused without reading it all. */
function readScenarioFile(file: string): { text: string } | { problem: ScenarioProblem } {
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    return { problem: { path: "(file)", message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` } };
  }
  if (stats.isDirectory()) return { problem: { path: "(file)", message: "is a folder, not a file" } };
  if (stats.size > MAX_SCENARIO_BYTES) return { problem: { path: "(file)", message: `is ${stats.size} bytes, more than the ${MAX_SCENARIO_BYTES}-byte limit` } };
  const buffer = Buffer.alloc(stats.size);
  const fd = openSync(file, "r");
  try {
    readSync(fd, buffer, 0, stats.size, 0);
  } finally {
    closeSync(fd);
  }
  if (buffer.includes(0)) return { problem: { path: "(file)", message: "is binary data, not a JSON text file" } };
  const text = new TextDecoder("utf-8", { fatal: false }).decode(buffer);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

export function checkFiles(files: string[]): { lines: string[]; invalid: number } {
  const lines: string[] = [];
  let invalid = 0;
  for (const file of files) {
    const read = readScenarioFile(file);
    const problems = "problem" in read ? [read.problem] : (() => {
      const result = parseScenarioText(read.text);
      return result.ok ? [] : result.problems;
    })();
    if (problems.length > 0) invalid += 1;
    for (const problem of problems) lines.push(`${file}: ${problem.path}: ${problem.message}`);
  }
  return { lines, invalid };
}

function main(args: string[]): number {
  const [command, ...files] = args;
  if (command === "check") {
    if (files.length === 0) {
      console.error("usage: npm run scenario -- check FILE...");
      return 2;
    }
    const { lines, invalid } = checkFiles(files);
    for (const line of lines) console.log(line);
    if (invalid === 0) console.log(`${files.length} file${files.length === 1 ? "" : "s"} valid`);
    return invalid === 0 ? 0 : 1;
  }
  if (command === "schema") {
    writeFileSync(SCHEMA_FILE, schemaText());
    console.log(`wrote ${SCHEMA_FILE}`);
    return 0;
  }
  console.error("usage: npm run scenario -- check FILE... | npm run scenario -- schema");
  return 2;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    // A last guard: the contract is one line per problem, never a stack trace.
    console.log(`scenario: internal error: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
