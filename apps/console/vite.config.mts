import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** The CSMS the dev server forwards GraphQL (and its WebSocket) to: `npm run dev -w @voltgrid/console`. */
const CSMS_URL = process.env.CSMS_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Not `assets/`: the CSMS serves `/assets/{tenant}/…` (asset readings) on the same origin.
    assetsDir: 'static',
    chunkSizeWarningLimit: 1000,
  },
  server: {
    proxy: { '/graphql': { target: CSMS_URL, ws: true, changeOrigin: true } },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
    setupFiles: ['src/test/setup-tests.ts'],
  },
});
