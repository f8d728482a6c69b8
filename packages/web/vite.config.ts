// Vite build of the pages: two entries (the app, and the independent audit page) and the crypto
// worker as an ES module chunk. JSX via Vite's built-in transform with Preact's runtime (no Babel).
// `npm run dev` proxies /api to RATIFY_API (default http://127.0.0.1:3000).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  worker: { format: 'es' },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      input: { index: here('index.html'), audit: here('audit.html') },
      // The chunk both pages share (protocol, crypto, client) would otherwise be named after styles.css.
      output: { chunkFileNames: (chunk) => `assets/${chunk.name === 'styles' ? 'shared' : '[name]'}-[hash].js` },
    },
  },
  server: {
    proxy: { '/api': process.env['RATIFY_API'] ?? 'http://127.0.0.1:3000' },
  },
});
