/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// Real-browser journeys: the built app (dist/) is served and driven with Chromium.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
