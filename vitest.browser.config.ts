/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// Real-browser journeys: the built app (dist/) is served and driven with Chromium.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Two files at a time, each with its own server and Chromium profile (see harness.ts):
    // the journeys wait on the browser more than they use a core, and share nothing.
    fileParallelism: true,
    maxWorkers: 2,
    // Conditions, not delays: expect.poll waits up to a minute (the default, one second, is
    // shorter than an ELK layout or a Mermaid render on a busy machine) and returns as soon
    // as the condition holds.
    expect: { poll: { timeout: 60_000, interval: 50 } },
  },
});
