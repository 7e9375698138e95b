import { defineConfig } from "vite";

export default defineConfig({
  root: "client",
  publicDir: false,
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
