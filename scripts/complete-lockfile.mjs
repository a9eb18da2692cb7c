// Adds lock entries for optional platform packages that npm 11 validates but did not record
// (npm/cli#4828: `npm ci` fails with "Missing: @rollup/rollup-… from lock file").
// After any `npm install` that changes the lock:
//   npm ci --dry-run 2>&1 | grep Missing > /tmp/missing.txt
//   node scripts/complete-lockfile.mjs package-lock.json /tmp/missing.txt
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
const lockPath = process.argv[2];
const missing = fs.readFileSync(process.argv[3], 'utf8').split('\n').map((l) => /Missing: (.+)@ from lock file/.exec(l)?.[1]).filter(Boolean);
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const pkgs = lock.packages;
for (const name of missing) {
  // find the spec from any parent's optionalDependencies
  let spec = null;
  for (const v of Object.values(pkgs)) if (v.optionalDependencies?.[name]) { spec = v.optionalDependencies[name]; break; }
  if (!spec) { console.error('no spec for', name); continue; }
  let i;
  try {
    const info = JSON.parse(execFileSync('npm', ['view', `${name}@${spec}`, 'version', 'dist.integrity', 'os', 'cpu', 'libc', 'engines', 'license', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    i = Array.isArray(info) ? info[info.length - 1] : info;
  } catch {
    // not on this registry (another platform's binary): record it from its name alone
    const os = /darwin/.test(name) ? 'darwin' : /win32/.test(name) ? 'win32' : /android/.test(name) ? 'android' : /freebsd/.test(name) ? 'freebsd' : /openbsd/.test(name) ? 'openbsd' : 'linux';
    const cpu = /arm64/.test(name) ? 'arm64' : /x64/.test(name) ? 'x64' : /ia32/.test(name) ? 'ia32' : 'arm';
    i = { version: spec.replace(/^[\^~]/, ''), os: [os], cpu: [cpu] };
  }
  const entry = { version: i.version, integrity: i['dist.integrity'], optional: true };
  for (const f of ['cpu', 'libc', 'os']) if (i[f]) entry[f] = i[f];
  if (i.license) entry.license = i.license;
  if (i.engines) entry.engines = i.engines;
  pkgs[`node_modules/${name}`] = entry;
  console.log('added', name, i.version);
}
// keep keys sorted like npm does
const sorted = {};
for (const k of Object.keys(pkgs).sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))) sorted[k] = pkgs[k];
lock.packages = sorted;
fs.writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
