import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../server/config";

/** The built client's Phaser (client/render/phaserSubset.cjs; the bench's blank page uses it too) must have all the client uses. */
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
    for (const file of [...clientSources(join(repoRoot, "client")), ...clientSources(join(repoRoot, "scripts", "bench-client"))])
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

  it("has every Phaser name the client reads at run time, and the client uses no scene system it leaves out", () => {
    const constants = readFileSync(join(phaserSource, "const.js"), "utf8");
    /** The object literal the subset gives for a top-level name, when it gives one inline ({ ... }). */
    const inlineKeys = (name: string): string[] | null => {
      const literal = new RegExp(`\\n  ${name}: \\{([^}]*)\\}`).exec(subset)?.[1];
      return literal ? [...literal.matchAll(/(\w+):/g)].map((match) => match[1]!) : null;
    };
    const missing: string[] = [];
    const phaserFiles = [...clientSources(join(repoRoot, "client")), ...clientSources(join(repoRoot, "scripts", "bench-client"))].filter((file) => /from "phaser"/.test(readFileSync(file, "utf8")));
    expect(phaserFiles.length).toBeGreaterThan(3);
    for (const file of phaserFiles) {
      const source = readFileSync(file, "utf8");
      for (const [, path] of source.matchAll(/\bPhaser\.([\w.]+)/g)) {
        const [top, second] = path!.split(".");
        if (top === "Types") continue; // types only
        const topKnown = new RegExp(`\\n  ${top}: `).test(subset) || new RegExp(`\\b${top}:`).test(constants);
        const keys = inlineKeys(top!);
        if (!topKnown || (keys && second && !keys.includes(second))) missing.push(`${path} (${file.slice(repoRoot.length + 1)})`);
      }
      for (const [, system] of source.matchAll(/\b(?:this|scene)\.(tweens|load|sound|physics|lights|make|anims|matter)\b/g)) missing.push(`scene.${system} (${file.slice(repoRoot.length + 1)})`);
    }
    expect(missing).toEqual([]);
  });
});
