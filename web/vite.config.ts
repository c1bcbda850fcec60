import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';

/**
 * Keeps the shipped Noto Sans KR to what a browser that runs the dashboard uses: the WOFF2 files (every current
 * browser reads them, so the WOFF copies are dropped) of the Korean, Latin and Latin-extended subsets (the Cyrillic
 * and Vietnamese ones are never needed). The browser still fetches only the slices the page's text falls in.
 */
function trimWebFont(): Plugin {
  return {
    name: 'dispersion-trim-web-font',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[/\\]noto-sans-kr[/\\][^/\\]+\.css$/.test(id)) return null;
      const faces = code
        .split(/(?=\/\* noto-sans-kr-)/)
        .filter((face) => !/noto-sans-kr-(cyrillic|vietnamese)-/.test(face))
        .map((face) => face.replace(/,\s*url\([^)]+\.woff\) format\('woff'\)/g, ''));
      return { code: faces.join(''), map: null };
    },
  };
}

// The dashboard is served by `dispersion serve` from web/dist; in development `vite` proxies the API to it.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [trimWebFont(), react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': 'http://127.0.0.1:4173' } },
});
