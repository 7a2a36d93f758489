import { defineConfig } from "vitest/config";

// The UI is served from inside the app binary: relative asset paths, no remote anything.
export default defineConfig({
  base: "./",
  clearScreen: false,
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    assetsInlineLimit: 0,
  },
  test: {
    include: ["src/**/*.test.ts"],
  },
});
