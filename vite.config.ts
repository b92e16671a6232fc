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

interface ModuleGraphInfo {
  isEntry: boolean;
  importers: readonly string[];
}

/**
 * Puts every module a first visit loads (the entry and what it imports statically) into one
 * chunk. Left alone, the bundler split that code into ~27 small chunks — one per group of
 * modules some lazy chunk shares — and each compressed on its own cost ~10 kB gzip in all,
 * besides 26 more requests. Lazy chunks import what they share from this one.
 */
function firstLoadChunk(): { plugin: Plugin; name: (id: string, ctx: { getModuleInfo(id: string): ModuleGraphInfo | null }) => string | null } {
  const known = new Map<string, boolean>();
  /** Whether an entry reaches `id` through static imports: a walk up its importers. */
  const reachable = (id: string, get: (id: string) => ModuleGraphInfo | null): boolean => {
    let result = known.get(id);
    if (result !== undefined) return result;
    result = false;
    const seen = new Set([id]);
    const queue = [id];
    while (queue.length > 0 && !result) {
      const info = get(queue.pop()!);
      if (!info) continue;
      if (info.isEntry) result = true;
      for (const importer of info.importers) {
        if (known.get(importer) === true) result = true;
        else if (!seen.has(importer) && known.get(importer) !== false) {
          seen.add(importer);
          queue.push(importer);
        }
      }
    }
    known.set(id, result);
    return result;
  };
  return {
    plugin: { name: 'crosswalk-first-load-chunk', apply: 'build', buildStart: () => known.clear() },
    name: (id, ctx) => (reachable(id, (m) => ctx.getModuleInfo(m)) ? 'index' : null),
  };
}

const shell = firstLoadChunk();

export default defineConfig({
  plugins: [react(), copyExamples(), shell.plugin],
  server: { port: 5173, strictPort: false, watch: { ignored: ['**/.tmp/**', '**/test/**'] } },
  worker: { format: 'es' },
  build: {
    chunkSizeWarningLimit: 3000,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: shell.name }] } } },
  },
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
