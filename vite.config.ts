import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: built once into dist/renderer, served by Electron's app:// protocol or by browser mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // No inline scripts or styles: the CSP allows 'self' only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
