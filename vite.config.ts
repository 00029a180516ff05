import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { mnistAssetPlugin } from './src/build/mnistAsset';

// Cross-origin isolation (COOP/COEP) makes SharedArrayBuffer available to the workers.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react(), mnistAssetPlugin()],
  worker: { format: 'es' },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
