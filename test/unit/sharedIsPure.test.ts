import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../server/config";

/** shared/ runs in the server, the browser and the headless simulator alike, so it may not reach outside itself. */
const FORBIDDEN: [RegExp, string][] = [
  [/^phaser$/, "Phaser"],
  [/^node:/, "a Node built-in"],
  [/^(fs|path|os|child_process|http|https|net|crypto|url|worker_threads)(\/|$)/, "a Node built-in"],
  [/^@colyseus\/(core|sdk|ws-transport|testing|tools)/, "Colyseus server or client APIs"],
  [/^(express|better-sqlite3|kysely|howler|lit|vite)/, "a server or browser library"],
  [/(^|\/)(client|server)\//, "client/ or server/"],
];
const DOM_GLOBALS = /\b(window|document|localStorage|navigator|requestAnimationFrame)\s*[.(\[]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  for (const match of source.matchAll(/(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|import\s+["']([^"']+)["']/g))
    specifiers.push(match[1] ?? match[2] ?? match[3]!);
  return specifiers;
}

export function findImpurities(files: { path: string; source: string }[]): string[] {
  const problems: string[] = [];
  for (const { path, source } of files) {
    for (const specifier of importsOf(source)) {
      const normalized = specifier.replace(/^(\.\.\/)+/, "");
      for (const [pattern, what] of FORBIDDEN) {
        if (pattern.test(specifier) || (specifier.startsWith("..") && pattern.test(normalized)))
          problems.push(`${path}: imports ${what} ("${specifier}")`);
      }
    }
    if (DOM_GLOBALS.test(source)) problems.push(`${path}: uses a browser global`);
  }
  return problems;
}

describe("shared/ stays pure", () => {
  it("no file in shared/ imports Phaser, the DOM, node: modules, client/ or server/", () => {
    const files = sourceFiles(join(repoRoot, "shared")).map((path) => ({ path: relative(repoRoot, path), source: readFileSync(path, "utf8") }));
    expect(files.length).toBeGreaterThan(5);
    expect(findImpurities(files)).toEqual([]);
  });

  it("the guard catches each kind of forbidden import", () => {
    const offenders = [
      'import Phaser from "phaser";',
      'import { readFileSync } from "node:fs";',
      'import { join } from "path";',
      'import { Room } from "@colyseus/core";',
      'import { readConfig } from "../../server/config";',
      'import { uiRoot } from "../client/ui/overlay";',
      'const x = await import("node:crypto");',
      "document.body.append(x);",
    ];
    for (const source of offenders) expect(findImpurities([{ path: "shared/x.ts", source }]), source).toHaveLength(1);
    expect(findImpurities([{ path: "shared/x.ts", source: 'import { z } from "zod";\nimport { Ship } from "../state/MatchState";' }])).toEqual([]);
  });
});
