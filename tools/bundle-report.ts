/**
 * `npm run bundle-report` (after `npm run build:admin`): the JavaScript each main screen of the admin
 * panel loads, raw and gzipped, from Vite's manifest (dist/admin/.vite/manifest.json). A screen is
 * the entry (index.html) and the lazily loaded modules it opens for an admin, each with its static
 * imports, transitively; a chunk counts once per screen. Prints a Markdown table.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const WORKSPACE = resolve(__dirname, '..');
const ADMIN_ROOT = join(WORKSPACE, 'apps/admin');
const DIST = join(WORKSPACE, 'dist/admin');
const MANIFEST = join(DIST, '.vite/manifest.json');

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Once signed in: the Refine app, its layout and the header's bell. */
const SHELL = ['apps/admin/src/App.tsx', 'apps/admin/src/components/layout/app-layout.tsx', 'libs/admin/notifications/src/bell.tsx'];

/** Each screen and the modules it loads lazily for an admin (its page, and the other areas' parts it shows). */
const SCREENS: { name: string; path: string; modules: string[] }[] = [
  { name: 'Sign-in', path: '/login', modules: [] },
  {
    name: 'Dashboard',
    path: '/',
    modules: [
      ...SHELL,
      'libs/admin/dashboard/src/dashboard-page.tsx',
      'libs/admin/reports/src/manager-charts.tsx',
      'libs/admin/reports/src/charts.tsx',
      'libs/admin/leads/src/advisor-home.tsx',
      'libs/admin/applications/src/applications-home.tsx',
    ],
  },
  { name: 'Lead list', path: '/leads', modules: [...SHELL, 'libs/admin/leads/src/list-page.tsx', 'libs/admin/exports/src/export-leads-button.tsx'] },
  {
    name: "Lead's page",
    path: '/leads/:id',
    modules: [
      ...SHELL,
      'libs/admin/leads/src/show.tsx',
      'libs/admin/applications/src/applications-panel.tsx',
      'libs/admin/whatsapp/src/whatsapp-panel.tsx',
      'libs/admin/comparisons/src/shortlist/shortlist-panel.tsx',
    ],
  },
  {
    name: 'Reports',
    path: '/reports',
    modules: [
      ...SHELL,
      'libs/admin/reports/src/reports-page.tsx',
      'libs/admin/reports/src/charts.tsx',
      'libs/admin/exports/src/export-leads-button.tsx',
    ],
  },
  { name: 'Pipeline board', path: '/leads/board', modules: [...SHELL, 'libs/admin/leads/src/board.tsx'] },
];

function readManifest(): Manifest {
  if (!existsSync(MANIFEST)) throw new Error(`${MANIFEST} is missing: run \`npm run build:admin\` first`);
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
}

/** The manifest's key of a module, or null when the module has no chunk of its own (it is inside another). */
function keyOf(manifest: Manifest, workspacePath: string): string | null {
  if (!existsSync(join(WORKSPACE, workspacePath))) throw new Error(`${workspacePath} does not exist: update SCREENS in tools/bundle-report.ts`);
  const key = relative(ADMIN_ROOT, join(WORKSPACE, workspacePath)).split('\\').join('/');
  return manifest[key] ? key : null;
}

function addWithStaticImports(manifest: Manifest, key: string, into: Set<string>): void {
  if (into.has(key)) return;
  into.add(key);
  for (const imported of manifest[key].imports ?? []) addWithStaticImports(manifest, imported, into);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

export interface ScreenBundle {
  name: string;
  path: string;
  files: number;
  /** Bytes of JavaScript as built, and gzipped as a proxy would send them. */
  raw: number;
  gzip: number;
}

/** The JavaScript each main screen loads, from the build's manifest (`npm run build:admin` first). */
export function screenBundles(): ScreenBundle[] {
  const manifest = readManifest();
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entry) throw new Error('The manifest has no entry');
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (file: string) => {
    let size = sizes.get(file);
    if (!size) {
      const bytes = readFileSync(join(DIST, file));
      size = { raw: bytes.length, gzip: gzipSync(bytes).length };
      sizes.set(file, size);
    }
    return size;
  };
  return SCREENS.map(({ name, path, modules }) => {
    const keys = new Set<string>();
    addWithStaticImports(manifest, entry, keys);
    for (const module of modules) {
      const key = keyOf(manifest, module);
      if (key) addWithStaticImports(manifest, key, keys);
    }
    const files = [...keys].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
    return {
      name,
      path,
      files: files.length,
      raw: files.reduce((sum, file) => sum + sizeOf(file).raw, 0),
      gzip: files.reduce((sum, file) => sum + sizeOf(file).gzip, 0),
    };
  });
}

function main(): void {
  const rows = screenBundles().map(({ name, path, files, raw, gzip }) => `| ${name} | \`${path}\` | ${files} | ${kb(raw)} | ${kb(gzip)} |`);
  const jsChunks = Object.values(readManifest()).filter((chunk) => chunk.file.endsWith('.js')).length;
  console.log(['| Screen | Path | JS files | Raw | Gzip |', '| --- | --- | --: | --: | --: |', ...rows].join('\n'));
  console.log(`\n${jsChunks} JavaScript files in the build.`);
}

if (require.main === module) main();
