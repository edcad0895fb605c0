#!/usr/bin/env node
/**
 * Keeps `npm ci` working with this project's npm registry, which serves only some versions of
 * some packages. When an *optional* dependency cannot be resolved there (other platforms' native
 * bindings, such as @tarojs/binding-darwin-arm64@4.2.1, or a telemetry package that is not
 * published at all), `npm install` leaves it out of package-lock.json and `npm ci` then refuses
 * the lock as "out of sync". This adds a placeholder entry for each such optional dependency,
 * marked optional and, where the name says so, restricted to its OS and CPU — so npm skips it on
 * this platform, and tolerates its absence elsewhere, as it does for any failed optional install.
 *
 * Run after changing dependencies: `npm install && node scripts/lock-optional-placeholders.js`.
 * tests/tooling checks that the lock needs no placeholder it does not have.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const OS = ['darwin', 'win32', 'android', 'freebsd', 'openharmony', 'linux', 'sunos', 'aix'];
const CPU = { arm64: 'arm64', 'arm-': 'arm', armv7: 'arm', arm: 'arm', x64: 'x64', ia32: 'ia32', ppc64: 'ppc64', riscv64: 'riscv64', s390x: 's390x', loong64: 'loong64' };

function platformOf(name) {
  const base = name.split('/').pop();
  const os = OS.find((o) => base.includes(o));
  const cpuKey = Object.keys(CPU).find((k) => base.includes(k));
  return { ...(os ? { os: [os] } : {}), ...(os && cpuKey ? { cpu: [CPU[cpuKey]] } : {}) };
}

/** The entries `npm ci` will miss: optional dependencies with no lock entry anywhere on their path. */
function missingOptional(lock) {
  const packages = lock.packages;
  const missing = new Map();
  for (const [path, entry] of Object.entries(packages)) {
    for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
      let dir = path;
      let found = false;
      for (;;) {
        if (packages[`${dir ? `${dir}/` : ''}node_modules/${name}`]) {
          found = true;
          break;
        }
        if (!dir) break;
        const cut = dir.lastIndexOf('/node_modules/');
        dir = cut === -1 ? '' : dir.slice(0, cut);
      }
      if (!found && !missing.has(name)) {
        const version = /^\d+\.\d+\.\d+/.test(spec) ? spec : '0.0.0';
        missing.set(name, { version, optional: true, ...(entry.dev ? { dev: true } : {}), ...platformOf(name) });
      }
    }
  }
  return missing;
}

if (require.main === module) {
  const file = join(__dirname, '..', 'package-lock.json');
  const lock = JSON.parse(readFileSync(file, 'utf8'));
  const missing = missingOptional(lock);
  for (const [name, entry] of missing) lock.packages[`node_modules/${name}`] = entry;
  if (process.argv.includes('--check')) {
    if (missing.size) {
      console.error(`package-lock.json lacks ${missing.size} optional placeholder(s): run node scripts/lock-optional-placeholders.js`);
      process.exit(1);
    }
  } else {
    writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
    console.log(`added ${missing.size} placeholder(s) for unresolvable optional dependencies`);
  }
}

module.exports = { missingOptional };
