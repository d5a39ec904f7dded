// The UI builds into dist/, which the server serves from the same origin as the API (see
// packages/server/src/http/webUi.ts). `npm run dev -w @calmline/web` proxies the API to a running
// server on :4600 for working on the UI with hot reload.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The entry (React, Mantine, every UI language) is about 900 KB; core's chunks (engine, model,
    // one per language and pack) load lazily and stay under 750 KB each.
    chunkSizeWarningLimit: 1000,
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:4600', ws: true } },
  },
});
