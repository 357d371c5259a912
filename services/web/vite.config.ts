import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// `vite build` writes dist/ for server/serve.mjs; `vite` (dev) proxies /graphql and /config.json
// to a running `npm start` web server, so development sees the same origin as production.
export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react()],
  resolve: { dedupe: ['react', 'react-dom'] },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // dist/.vite/manifest.json: scripts/preload.mjs reads which chunks each screen needs.
    manifest: true,
    // First-load budget is 200 kB gzip (WEB.md): screens and charts are lazy chunks.
    chunkSizeWarningLimit: 400,
    rollupOptions: {
      // The server's render imports the home screen and both languages directly (src/entry-server.tsx),
      // where the browser's build loads them lazily: expected there, not worth a warning.
      onwarn(warning, warn) {
        if (isSsrBuild && warning.code === 'INEFFECTIVE_DYNAMIC_IMPORT') return;
        warn(warning);
      },
    },
  },
  // `vite build --ssr src/entry-server.tsx` (the home screen rendered by server/serve.mjs): one
  // self-contained module, since the web image carries no node_modules.
  ssr: { noExternal: true, target: 'node' },
  server: {
    proxy: { '/graphql': 'http://127.0.0.1:3000', '/files': 'http://127.0.0.1:3000', '/auth': 'http://127.0.0.1:3000' },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts', 'test/unit/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
    css: false,
  },
}));
