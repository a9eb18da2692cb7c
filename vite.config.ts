import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The console is built into dist/web and served by the Fastify server; `npm run dev:web`
// serves it with hot reload and proxies /api to a server started with `npm run dev`.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
