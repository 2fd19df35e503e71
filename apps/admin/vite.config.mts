import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Alias, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const workspace = resolve(here, '../..');
const ADMIN_LIBRARY = /[\\/]libs[\\/]admin[\\/][^\\/]+[\\/]src[\\/]/;
/** `@advisordesk/shared`: plain TypeScript whose modules only declare (constants, tables, pure functions). */
const SHARED_LIBRARY = /[\\/]libs[\\/]shared[\\/]src[\\/]/;
/**
 * Parts of Refine's dependencies for features the panel does not use (`MarkdownField`, CSV import,
 * the devtools' stack traces, read only in development): CommonJS that bundlers must otherwise keep
 * whole because it might run something when imported.
 */
const UNUSED_FEATURES = /[\\/]node_modules[\\/](react-markdown|remark-gfm|papaparse|error-stack-parser|stackframe)[\\/]/;
/**
 * rc-table and rc-tree declare no `sideEffects`, yet their modules only declare: without this, every
 * table carried rc-table's VirtualTable (for a `virtual` table, which the panel has none of) and
 * rc-tree's TreeNode (its selection column reads two helpers of rc-tree).
 */
const DECLARING_ONLY = /[\\/]node_modules[\\/](rc-table|rc-tree)[\\/]es[\\/]/;
const nodeModule = (pattern: string) => new RegExp(`[\\\\/]node_modules[\\\\/](${pattern})[\\\\/]`);

/** The translations of Ant Design Pro's texts, of which Refine's page header (all it uses) shows none. */
const PRO_PROVIDER = /[\\/]node_modules[\\/]@ant-design[\\/]pro-provider[\\/]es[\\/]/;
/** antd's table filter menu, which draws a Tree (rc-tree) only for a column with `filterMode: 'tree'`: no table of the panel has one. */
/** antd's Card, which draws Tabs (rc-tabs, and rc-menu for their overflow) only for a card with `tabList`: no card of the panel has one. */
const CARD = /[\\/]node_modules[\\/]antd[\\/]es[\\/]card[\\/]Card\.js$/;
/** antd's Button styles, which take one colour test from the colour picker's presets (a Collapse, with rc-collapse). */
const BUTTON_TOKENS = /[\\/]node_modules[\\/]antd[\\/]es[\\/]button[\\/]style[\\/]token\.js$/;
/** antd's Table, which draws rc-table's VirtualTable only for a table with `virtual`: no table of the panel has one. */
const INTERNAL_TABLE = /[\\/]node_modules[\\/]antd[\\/]es[\\/]table[\\/]InternalTable\.js$/;
const TABLE_FILTER_MENU = /[\\/]node_modules[\\/]antd[\\/]es[\\/]table[\\/]hooks[\\/]useFilter[\\/]FilterDropdown\.js$/;

/** Each stand-in: which import it answers, and its code. */
const STAND_INS: { id: string; answers: (source: string, importer: string | undefined) => boolean; code: string }[] = [
  {
    // The polyfill itself answers with the browser's own ResizeObserver when there is one, and every
    // browser the build targets (es2022) has one.
    id: '\0advisordesk:resize-observer',
    answers: (source) => source === 'resize-observer-polyfill',
    code: 'export default globalThis.ResizeObserver;',
  },
  {
    // side-channel (qs, with which Refine writes filters into the address, keeps the objects it has
    // seen in one) is a WeakMap with a dozen polyfill packages around it (get-intrinsic, call-bind,
    // object-inspect for its error…); every browser the panel supports has WeakMap and Map.
    id: '\0advisordesk:side-channel',
    answers: (source) => source === 'side-channel',
    code: `module.exports = function getSideChannel() {
  var objects = new WeakMap(), others = new Map();
  var of = function (key) { return key !== null && (typeof key === 'object' || typeof key === 'function') ? objects : others; };
  return {
    assert: function (key) { if (!of(key).has(key)) throw new TypeError('Side channel does not contain the given key'); },
    get: function (key) { return of(key).get(key); },
    has: function (key) { return of(key).has(key); },
    set: function (key, value) { of(key).set(key, value); },
    'delete': function (key) { return of(key)['delete'](key); }
  };
};`,
  },
  {
    // Ant Design Pro loads dayjs's Chinese for when antd is given no language; the panel gives it en_GB.
    id: '\0advisordesk:pro-dayjs-chinese',
    answers: (source, importer) => source === 'dayjs/locale/zh-cn' && importer !== undefined && PRO_PROVIDER.test(importer),
    code: 'export {};',
  },
  {
    id: '\0advisordesk:table-filter-tree',
    answers: (source, importer) => source === '../../../tree' && importer !== undefined && TABLE_FILTER_MENU.test(importer),
    code: `export default function Tree() { throw new Error("A table column's filterMode: 'tree' needs antd's Tree, which apps/admin/vite.config.mts leaves out"); }`,
  },
  {
    id: '\0advisordesk:virtual-table',
    answers: (source, importer) => source === './RcTable/VirtualTable' && importer !== undefined && INTERNAL_TABLE.test(importer),
    code: `export default function VirtualTable() { throw new Error("A table's virtual needs rc-table's VirtualTable, which apps/admin/vite.config.mts leaves out"); }`,
  },
  {
    // The sign-in page is a Card: without this, it loaded Tabs, which the lead list has no use for either.
    id: '\0advisordesk:card-tabs',
    answers: (source, importer) => source === '../tabs' && importer !== undefined && CARD.test(importer),
    code: `export default function Tabs() { throw new Error("A Card's tabList needs antd's Tabs, which apps/admin/vite.config.mts leaves out"); }`,
  },
  {
    // isBright exactly as antd 5's color-picker/components/ColorPresets.js writes it, without the presets panel.
    id: '\0advisordesk:button-is-bright',
    answers: (source, importer) => source === '../../color-picker/components/ColorPresets' && importer !== undefined && BUTTON_TOKENS.test(importer),
    code: `import { Color as RcColor } from '@rc-component/color-picker';
export const isBright = (value, bgColorToken) => {
  const { r, g, b, a } = value.toRgb();
  const hsv = new RcColor(value.toRgbString()).onBackground(bgColorToken).toHsv();
  if (a <= 0.5) return hsv.v > 0.5;
  return r * 0.299 + g * 0.587 + b * 0.114 > 192;
};`,
  },
];

/**
 * Smaller stand-ins for code the panel never runs or whose output no one sees: Ant Design Pro's
 * 30-odd languages (its English stays, for every one) and its dayjs Chinese, the Tree of antd's
 * table filter menus, the Tabs of its cards, the colour picker's presets under its buttons, and
 * polyfills of what every browser has (STAND_INS).
 */
function leaveOutUnusedCode(): Plugin {
  return {
    name: 'advisordesk:leave-out-unused-code',
    enforce: 'pre',
    resolveId(source, importer) {
      const standIn = STAND_INS.find((candidate) => candidate.answers(source, importer));
      if (standIn) return standIn.id;
      if (importer && PRO_PROVIDER.test(importer) && /^\.\/locale\/(?!en_US$)/.test(source)) return resolve(dirname(importer), 'locale/en_US.js');
      return null;
    },
    load(id) {
      return STAND_INS.find((standIn) => standIn.id === id)?.code ?? null;
    },
  };
}

/**
 * The workspace libraries the panel may import (`@advisordesk/shared`, `@advisordesk/admin-*`),
 * from the `paths` of tsconfig.base.json, so a new library needs no line here. Exact names only:
 * `@advisordesk/admin-ui` must not also match `@advisordesk/admin-ui-…`.
 */
function workspaceAliases(): Alias[] {
  const { compilerOptions } = JSON.parse(readFileSync(resolve(workspace, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.entries(compilerOptions.paths)
    .filter(([name]) => name === '@advisordesk/shared' || name.startsWith('@advisordesk/admin-'))
    .map(([name, [target]]) => ({ find: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`), replacement: resolve(workspace, target) }));
}

/**
 * The admin panel. `npm run build:admin` writes it to dist/admin, which the API serves at `/`.
 * `vite --config apps/admin/vite.config.mts` serves it on :4200 with `/api` proxied to the API on :3000.
 */
export default defineConfig({
  root: here,
  plugins: [react(), leaveOutUnusedCode()],
  resolve: {
    alias: workspaceAliases(),
  },
  server: {
    port: 4200,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  preview: { port: 4300 },
  build: {
    outDir: resolve(workspace, 'dist/admin'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // dist/admin/.vite/manifest.json: which chunks each page loads, read by `npm run bundle-report`.
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // The admin libraries and the shared one run nothing when imported, so what an index re-exports
      // but a chunk never uses stays out of that chunk: the sign-in page does not carry every area's
      // parts, nor the labels and tables of the contracts that only the areas' pages read.
      treeshake: {
        moduleSideEffects: (id: string) =>
          ADMIN_LIBRARY.test(id) || SHARED_LIBRARY.test(id) || UNUSED_FEATURES.test(id) || DECLARING_ONLY.test(id) ? false : undefined,
      },
      output: {
        codeSplitting: {
          // What the sign-in page (main.tsx) needs is one chunk, React another that every page shares.
          // The rest (antd, Refine, the charts) is split by use: a page loads the antd components it
          // draws, not every component of the panel, and the sign-in page loads neither Refine nor the
          // router. The libraries' modules that most pages use (the table, the form, the modal…) are one
          // chunk more, so that a page loads a few dozen files rather than a hundred small ones.
          groups: [
            { name: 'preload', test: /vite[\\/]preload-helper/, priority: 50 },
            { name: 'react', test: nodeModule('react|react-dom|scheduler'), priority: 45 },
            { name: 'sign-in', test: /[\\/]node_modules[\\/]/, tags: ['$initial'], priority: 40 },
            { name: 'common', test: /[\\/]node_modules[\\/]/, minShareCount: 25, priority: 10 },
            { name: 'common', test: /[\\/]node_modules[\\/](@refinedev[\\/]antd|@ant-design[\\/]pro-[a-z]+|sunflower-antd)[\\/]/, priority: 11 },
          ],
        },
      },
    },
  },
});
