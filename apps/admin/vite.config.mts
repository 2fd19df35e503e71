import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const nodeModule = (pattern: string) => new RegExp(`[\\\\/]node_modules[\\\\/](${pattern})[\\\\/]`);

/**
 * The admin panel. `npm run build:admin` writes it to dist/admin, which the API serves at `/`.
 * `vite --config apps/admin/vite.config.mts` serves it on :4200 with `/api` proxied to the API on :3000.
 */
export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: {
    alias: { '@advisordesk/shared': resolve(here, '../../libs/shared/src/index.ts') },
  },
  server: {
    port: 4200,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  preview: { port: 4300 },
  build: {
    outDir: resolve(here, '../../dist/admin'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // antd + Refine are one shared, cacheable vendor chunk; pages are lazy routes; charts
    // (@ant-design/plots and its @antv engine) only ever load with the page that draws them.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Vite's preload helper and React first, so the charts chunk never drags them along
            // (and the sign-in page never preloads charts).
            { name: 'preload', test: /vite[\\/]preload-helper/, priority: 50 },
            { name: 'react', test: nodeModule('react|react-dom|scheduler|react-router'), priority: 45 },
            { name: 'antd', test: nodeModule('antd|@ant-design(?![\\\\/](plots|charts-util)[\\\\/])|@rc-component|rc-[a-z-]+|@emotion|dayjs'), priority: 40 },
            { name: 'refine', test: nodeModule('@refinedev|@tanstack|query-string|axios'), priority: 35 },
            { name: 'charts', test: nodeModule('@ant-design[\\\\/]plots|@antv|d3-[a-z-]+'), priority: 30 },
          ],
        },
      },
    },
  },
});
