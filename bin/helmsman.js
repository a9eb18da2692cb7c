#!/usr/bin/env node
// `npx helmsman …`: runs the TypeScript CLI through tsx, so no build step is needed.
//
// Imports stay within a bounded memory whatever the file size only if V8 collects garbage
// before its heap grows large (by default it lets the heap grow towards 4 GB). The CLI
// therefore runs with the same 384 MB old-generation cap as `npm start` (and 32 MB semi-spaces,
// which win back most of the collection time the cap costs), re-executing itself once with the
// flags unless the caller chose a cap (flag or NODE_OPTIONS).
import { spawnSync } from 'node:child_process';

const HEAP_FLAGS = ['--max-old-space-size=384', '--max-semi-space-size=32'];
const chosen = process.execArgv.some((a) => a.startsWith('--max-old-space-size')) || /max-old-space-size/.test(process.env.NODE_OPTIONS ?? '');
if (!chosen) {
  const r = spawnSync(process.execPath, [...HEAP_FLAGS, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
const { register } = await import('tsx/esm/api');
register();
await import('../server/cli/main.ts');
