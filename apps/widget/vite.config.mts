import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The hosted page `/inquiry`: plain HTML that loads `/embed.js` (the API's CSP allows no inline script). */
function hostedPage(): Plugin {
  const source = resolve(here, 'src/inquiry.html');
  return {
    name: 'advisordesk-hosted-page',
    buildStart() {
      this.addWatchFile(source);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'inquiry.html', source: readFileSync(source, 'utf8') });
    },
  };
}

/**
 * The website's Quick Inquiry form: `dist/widget/embed.js`, one self-contained, minified script
 * (no chunks, no CSS file: the styles live in the shadow root), and `dist/widget/inquiry.html`.
 * The API serves them at `/embed.js` and `/inquiry`. Build: `vite build --config apps/widget/vite.config.mts`.
 */
export default defineConfig({
  root: here,
  publicDir: false,
  plugins: [hostedPage()],
  resolve: {
    alias: { '@advisordesk/shared': resolve(here, '../../libs/shared/src/index.ts') },
  },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: resolve(here, '../../dist/widget'),
    emptyOutDir: true,
    target: 'es2019',
    minify: true,
    sourcemap: false,
    reportCompressedSize: true,
    lib: {
      entry: resolve(here, 'src/embed.ts'),
      formats: ['iife'],
      name: 'AdvisorDeskForm',
      fileName: () => 'embed.js',
    },
    rolldownOptions: {
      output: { codeSplitting: false },
    },
  },
});
