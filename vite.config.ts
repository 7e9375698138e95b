import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin, type UserConfig } from "vite";

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The built client takes Phaser from its sources, only the parts the game uses (client/render/phaserSubset.cjs),
 * with Phaser's build flags set as its own build sets them, less its sound (the game's is howler's).
 */
export const phaserSubset: UserConfig = {
  resolve: {
    alias: [
      { find: /^phaser$/, replacement: fromRoot("./client/render/phaserSubset.cjs") },
      { find: /^phaser-src\//, replacement: fromRoot("./node_modules/phaser/src/") },
    ],
  },
  define: {
    "typeof CANVAS_RENDERER": "true",
    "typeof WEBGL_RENDERER": "true",
    "typeof WEBGL_DEBUG": "false",
    "typeof FEATURE_SOUND": "false",
  },
};

const isEditorChunk = (chunk: unknown) =>
  typeof chunk === "object" && chunk !== null && "facadeModuleId" in chunk && /[\\/]client[\\/]editor[\\/]/.test(String(chunk.facadeModuleId ?? ""));

/**
 * client/main.ts loads Phaser and the scenes by a dynamic import, so the page's first script is small and runs
 * early; the page still asks for those chunks at once, beside that script, not only when it has run.
 */
function preloadDynamicChunks(): Plugin {
  return {
    name: "maquis:preload-dynamic-chunks",
    transformIndexHtml: {
      order: "post",
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return [];
        const files = new Set<string>();
        const visit = (name: string) => {
          const found = bundle[name];
          if (found?.type !== "chunk" || files.has(name) || name === chunk.fileName) return;
          files.add(name);
          found.imports.forEach(visit);
        };
        // The game's chunks only: the scenario editor (client/editor/) loads when /editor is opened, never on the game's page.
        chunk.dynamicImports.filter((name) => !isEditorChunk(bundle[name])).forEach(visit);
        return [...files].map((file) => ({ tag: "link", attrs: { rel: "modulepreload", crossorigin: true, href: `/${file}` }, injectTo: "head" as const }));
      },
    },
  };
}

export default defineConfig(({ command }) => ({
  ...(command === "build" ? phaserSubset : {}),
  root: "client",
  publicDir: false,
  plugins: [preloadDynamicChunks()],
  build: {
    outDir: "../dist",
    emptyOutDir: true,
    // Phaser alone is ~0.7 MB minified; split it so the game code caches separately.
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      output: {
        manualChunks: (id) => (id.includes("node_modules/phaser") || id.includes("phaserSubset") ? "phaser" : undefined),
      },
    },
  },
}));
