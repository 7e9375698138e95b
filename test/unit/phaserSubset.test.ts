import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../server/config";

/** The built client's Phaser (client/render/phaserSubset.cjs) must register every game object the client adds. */
describe("the Phaser subset", () => {
  const subset = readFileSync(join(repoRoot, "client", "render", "phaserSubset.cjs"), "utf8");
  const phaserSource = join(repoRoot, "node_modules", "phaser", "src");

  /** The names scene.add.<name>() answers to with the subset: what the factories it loads register. */
  function registeredFactories(): Set<string> {
    const names = new Set<string>();
    for (const [, path] of subset.matchAll(/require\("phaser-src\/([^"]+Factory)"\)/g)) {
      const source = readFileSync(join(phaserSource, `${path}.js`), "utf8");
      for (const [, name] of source.matchAll(/GameObjectFactory\.register\('(\w+)'/g)) names.add(name!);
    }
    return names;
  }

  function clientSources(folder: string): string[] {
    return readdirSync(folder).flatMap((entry) => {
      const path = join(folder, entry);
      return statSync(path).isDirectory() ? clientSources(path) : path.endsWith(".ts") ? [path] : [];
    });
  }

  it("registers every game object the client's scenes add", () => {
    const used = new Set<string>();
    for (const file of clientSources(join(repoRoot, "client")))
      for (const [, name] of readFileSync(file, "utf8").matchAll(/\badd\s*\.\s*(\w+)\s*\(/g)) used.add(name!);
    expect(used.size).toBeGreaterThan(3);
    const registered = registeredFactories();
    expect([...used].filter((name) => !registered.has(name))).toEqual([]);
  });

  it("names only files Phaser ships", () => {
    for (const [, path] of subset.matchAll(/require\("phaser-src\/([^"]+)"\)/g)) {
      const file = join(phaserSource, path!);
      const exists = [`${file}.js`, join(file, "index.js")].some((candidate) => {
        try {
          return statSync(candidate).isFile();
        } catch {
          return false;
        }
      });
      expect(exists, path).toBe(true);
    }
  });
});
