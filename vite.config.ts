import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { mnistAssetPlugin } from './src/build/mnistAsset';
import { serviceWorkerPlugin } from './src/build/serviceWorkerPlugin';

// Cross-origin isolation (COOP/COEP) makes SharedArrayBuffer available to the workers. Where a
// host cannot send these headers, the service worker (workers/service.worker.ts) adds them.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // Relative asset URLs: dist/ works at any sub-path of any static host.
  base: './',
  plugins: [react(), mnistAssetPlugin(), serviceWorkerPlugin()],
  worker: { format: 'es' },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
