import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Served by the hono server under /app/ (api/miniapp-static.ts); `vite dev` proxies /api to a local server.
export default defineConfig({
  root,
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Old Android WebViews still open the Mini App; ES2020 covers Chrome 80+ and Safari 14+.
    target: 'es2020',
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    // Two pages: the Mini App, and the consultation room page the server serves at /room/<id> (api/miniapp-static.ts).
    rollupOptions: { input: { main: `${root}index.html`, room: `${root}room.html` } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
