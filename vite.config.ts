import { defineConfig, type Plugin } from "vite";

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
        chunk.dynamicImports.forEach(visit);
        return [...files].map((file) => ({ tag: "link", attrs: { rel: "modulepreload", crossorigin: true, href: `/${file}` }, injectTo: "head" as const }));
      },
    },
  };
}

export default defineConfig({
  root: "client",
  publicDir: false,
  plugins: [preloadDynamicChunks()],
  build: {
    outDir: "../dist",
    emptyOutDir: true,
    // Phaser alone is ~1.2 MB minified; split it so the game code caches separately.
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      output: {
        manualChunks: (id) => (id.includes("node_modules/phaser") ? "phaser" : undefined),
      },
    },
  },
});
