// `npm run dev`: the API with reload (swc, no build step) and the admin panel with Vite's hot reload.
import { spawn } from 'node:child_process';

const children = [
  spawn(process.execPath, ['--watch-path=apps/api/src', '--watch-path=libs', '-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--config', 'apps/admin/vite.config.mts'], { stdio: 'inherit' }),
];

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => code && code !== 0 && console.error(`a dev process exited with ${code}`));
