import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The designer is built into dist/designer and served by the runtime (npm start).
export default defineConfig({
  root: 'designer',
  base: '/',
  plugins: [react()],
  build: { outDir: '../dist/designer', emptyOutDir: true, chunkSizeWarningLimit: 8000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
