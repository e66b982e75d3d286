import { defineConfig } from 'vite';

// The renderer is built into dist/renderer and served by Electron (file://) or the loopback host.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
  },
});
