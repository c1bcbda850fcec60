import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dashboard is served by `dispersion serve` from web/dist; in development `vite` proxies the API to it.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': 'http://127.0.0.1:4173' } },
});
