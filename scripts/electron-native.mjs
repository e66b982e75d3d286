#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .electron-native/better_sqlite3.node, leaving
// node_modules/better-sqlite3/build (the Node build that `npm test` and the CLI load) untouched.
//
// How: copy node_modules/better-sqlite3 (without its build/) into a temporary project, run
// @electron/rebuild there for the installed Electron version (a prebuilt binary when one can be
// downloaded, else node-gyp against Electron's headers), copy build/Release/better_sqlite3.node
// out, and record what it was built for in .electron-native/stamp.json. The Electron main
// process points PLENARY_SQLITE_BINDING at the result (better-sqlite3's `nativeBinding`);
// electron-builder ships it as resources/native/better_sqlite3.node.
//
// Usage: node scripts/electron-native.mjs [--force]   (exit 1 with one line on failure)
// From code: `await ensureElectronNative()` → { ok, path?, message?, built? }.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the Electron build goes, relative to the project root. */
export const OUTPUT_DIR = '.electron-native';
/** The file electron-builder's extraResources and main.ts expect. */
export const OUTPUT_FILE = 'better_sqlite3.node';
/** What the output was built for. */
export const STAMP_FILE = 'stamp.json';

/** Output that means the network, not the compiler, failed (node-gyp fetching Electron's headers). */
const NETWORK_FAILURE =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|fetch failed|network connectivity|proxy|status code 40[34]/i;
/** The specific network error, when the output names one. */
const NETWORK_DETAIL = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|fetch failed|status code/i;

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Why the last build is still good, or null when it must be (re)built: the output and its stamp
 * exist, the stamp names the same Electron and better-sqlite3 versions, platform and arch, and
 * the output is newer than the installed better-sqlite3 (a reinstall recreates its folder).
 */
export function upToDate({ outFile, stampFile, electronVersion, sqliteVersion, sqliteDir, platform = process.platform, arch = process.arch }) {
  try {
    const stamp = readJson(stampFile);
    if (
      stamp.electron !== electronVersion ||
      stamp.betterSqlite3 !== sqliteVersion ||
      stamp.platform !== platform ||
      stamp.arch !== arch
    ) {
      return null;
    }
    const out = fs.statSync(outFile);
    const installed = Math.max(fs.statSync(sqliteDir).mtimeMs, fs.statSync(path.join(sqliteDir, 'package.json')).mtimeMs);
    return out.mtimeMs >= installed ? stamp : null;
  } catch {
    return null;
  }
}

function outputLines(error, output) {
  return `${output}\n${error instanceof Error ? error.message : String(error)}`
    .split('\n')
    .map((l) => l.replace(/^gyp ERR!\s*(stack\s*)?/, '').trim())
    .filter(Boolean);
}

function shorten(line) {
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/**
 * The one-line failure message: `could not build better-sqlite3 for Electron X (headers
 * download failed): …` when the output shows a network failure, `(compile failed): <the first
 * error line>` otherwise. Both point at the full log.
 */
export function failureMessage(electronVersion, error, output, headerURL = 'https://www.electronjs.org/headers') {
  const lines = outputLines(error, output);
  const log = `${OUTPUT_DIR}/build.log`;
  if (lines.some((l) => NETWORK_FAILURE.test(l))) {
    const detail = lines.find((l) => NETWORK_DETAIL.test(l));
    const what = detail ? shorten(detail) : `no network access to ${headerURL}`;
    return `could not build better-sqlite3 for Electron ${electronVersion} (headers download failed): ${what}; see ${log}`;
  }
  const first = lines.find((l) => /error/i.test(l)) ?? lines[lines.length - 1] ?? 'unknown error';
  return `could not build better-sqlite3 for Electron ${electronVersion} (compile failed): ${shorten(first)}; see ${log}`;
}

/** Copies better-sqlite3 (minus build/) into a throw-away project that @electron/rebuild can walk. */
function stageProject(sqliteDir, sqliteVersion, nodeModules) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-electron-native-'));
  fs.writeFileSync(
    path.join(tmp, 'package.json'),
    JSON.stringify({ name: 'plenary-electron-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }),
  );
  const target = path.join(tmp, 'node_modules', 'better-sqlite3');
  // realpath: with a linked install (pnpm, npm link) cpSync would copy the link, not the package.
  const source = fs.realpathSync(sqliteDir);
  fs.cpSync(source, target, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(source, src);
      return rel !== 'build' && !rel.startsWith(`build${path.sep}`) && rel !== 'prebuilds' && !rel.startsWith(`prebuilds${path.sep}`);
    },
  });
  // Its runtime dependencies, linked rather than copied: prebuild-install lets @electron/rebuild
  // fetch a prebuilt Electron binary when the network allows, before compiling.
  const deps = Object.keys(readJson(path.join(sqliteDir, 'package.json')).dependencies ?? {});
  for (const dep of deps) {
    const src = path.join(nodeModules, dep);
    if (fs.existsSync(src)) fs.symlinkSync(src, path.join(tmp, 'node_modules', dep), process.platform === 'win32' ? 'junction' : 'dir');
  }
  return { tmp, target };
}

/**
 * Makes sure `.electron-native/better_sqlite3.node` is built for the installed Electron.
 * Never throws; resolves to `{ ok: true, path, built }` or `{ ok: false, message }` with a
 * one-line message fit to print after "Plenary: ".
 *
 * Options: `root` (project root), `force` (rebuild even when up to date), `quiet` (no progress
 * line), `headerURL` (Electron headers mirror; also PLENARY_ELECTRON_HEADERS_URL),
 * `rebuild` (the @electron/rebuild function; tests pass a fake).
 */
export async function ensureElectronNative(opts = {}) {
  const root = opts.root ?? ROOT;
  const log = opts.quiet ? () => {} : (m) => console.log(m);
  const nodeModules = path.join(root, 'node_modules');
  const sqliteDir = path.join(nodeModules, 'better-sqlite3');
  const outDir = path.join(root, OUTPUT_DIR);
  const outFile = path.join(outDir, OUTPUT_FILE);
  const stampFile = path.join(outDir, STAMP_FILE);

  let electronVersion;
  let sqliteVersion;
  try {
    electronVersion = readJson(path.join(nodeModules, 'electron', 'package.json')).version;
    sqliteVersion = readJson(path.join(sqliteDir, 'package.json')).version;
  } catch (e) {
    return { ok: false, message: `could not build better-sqlite3 for Electron: electron or better-sqlite3 is not installed (${e.code ?? e.message})` };
  }

  if (upToDate({ outFile, stampFile, electronVersion, sqliteVersion, sqliteDir })) {
    if (!opts.force) return { ok: true, path: outFile, built: false };
  } else {
    // A stale binary (another Electron or better-sqlite3) would fail to load with an ABI error;
    // better none, so main.ts warns clearly, than a wrong one if this build fails.
    fs.rmSync(outFile, { force: true });
    fs.rmSync(stampFile, { force: true });
  }

  let rebuild = opts.rebuild;
  if (!rebuild) {
    try {
      ({ rebuild } = await import(pathToFileURL(path.join(nodeModules, '@electron', 'rebuild', 'lib', 'main.js')).href));
    } catch (e) {
      return { ok: false, message: `could not build better-sqlite3 for Electron ${electronVersion}: @electron/rebuild is not installed (${e.message})` };
    }
  }

  log(`Plenary: building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once; about a minute)…`);
  const headerURL = opts.headerURL ?? process.env.PLENARY_ELECTRON_HEADERS_URL;
  let staged;
  const captured = [];
  const original = { error: console.error, warn: console.warn, log: console.log };
  try {
    staged = stageProject(sqliteDir, sqliteVersion, nodeModules);
    // @electron/rebuild prints node-gyp's whole log on failure; keep it for the log file instead.
    console.error = console.warn = console.log = (...args) => captured.push(args.map(String).join(' '));
    await rebuild({
      buildPath: staged.tmp,
      electronVersion,
      onlyModules: ['better-sqlite3'],
      force: true,
      ...(headerURL ? { headerURL } : {}),
    });
    Object.assign(console, original);
    const built = path.join(staged.target, 'build', 'Release', OUTPUT_FILE);
    if (!fs.existsSync(built)) throw new Error(`the build finished without ${path.relative(staged.tmp, built)}`);
    fs.mkdirSync(outDir, { recursive: true });
    const partial = `${outFile}.${process.pid}.tmp`;
    fs.copyFileSync(built, partial);
    fs.renameSync(partial, outFile);
    fs.writeFileSync(
      stampFile,
      JSON.stringify(
        { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch, builtAt: new Date().toISOString() },
        null,
        2,
      ) + '\n',
    );
    return { ok: true, path: outFile, built: true };
  } catch (e) {
    Object.assign(console, original);
    const output = captured.join('\n');
    try {
      fs.mkdirSync(outDir, { recursive: true });
      fs.writeFileSync(path.join(outDir, 'build.log'), `${output}\n${e instanceof Error ? e.stack : String(e)}\n`);
    } catch {
      // The log is a courtesy; the message below is what matters.
    }
    return { ok: false, message: failureMessage(electronVersion, e, output, headerURL) };
  } finally {
    Object.assign(console, original);
    if (staged) fs.rmSync(staged.tmp, { recursive: true, force: true });
  }
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const result = await ensureElectronNative({ force: process.argv.includes('--force') });
  if (result.ok) {
    console.log(`Plenary: better-sqlite3 for Electron ${result.built ? 'built' : 'up to date'}: ${path.relative(process.cwd(), result.path) || result.path}`);
  } else {
    console.error(`Plenary: ${result.message}`);
    process.exit(1);
  }
}
