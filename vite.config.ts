/// <reference types="vitest/config" />
import { cpSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** Serves examples/ at /examples/ in dev (Vite serves the root) and copies it into the build. */
function copyExamples(): Plugin {
  let outDir = 'dist';
  return {
    name: 'crosswalk-copy-examples',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const from = resolve(import.meta.dirname, 'examples');
      if (existsSync(from)) cpSync(from, resolve(outDir, 'examples'), { recursive: true });
    },
  };
}

export default defineConfig({
  plugins: [react(), copyExamples()],
  server: { port: 5173, strictPort: false, watch: { ignored: ['**/.tmp/**', '**/test/**'] } },
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 3000 },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/browser/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    setupFiles: ['test/setup-property.ts'],
    // Two files at a time: several wait on LibreOffice, xmllint or the CLI in a child
    // process, and one worker (Vitest's default on two cores) left a core idle then.
    maxWorkers: 2,
  },
});
