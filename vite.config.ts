import { defineConfig } from 'vite';

// The browser app: Preact components in src/web, built to dist/web and served by the Hearth server.
export default defineConfig({
  root: '.',
  build: { outDir: 'dist/web', emptyOutDir: true, sourcemap: true },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' } },
});
