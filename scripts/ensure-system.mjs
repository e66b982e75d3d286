#!/usr/bin/env node
// First step of `npm test`: the system programs the tests drive — Debian's Chromium (end-to-end
// tests, PDF export), poppler-utils (pdftotext/pdftoppm), LibreOffice Writer (opens the .docx,
// accepts tracked changes, with its Python bridge python3-uno), fontconfig and unzip. Installs the missing ones with apt-get when running as
// root on Debian/Ubuntu (as CI does); otherwise prints the command to run and stops.
import { spawnSync } from 'node:child_process';

const needs = [
  { cmd: 'chromium', pkg: 'chromium', alt: ['/usr/bin/chromium'] },
  { cmd: 'pdftotext', pkg: 'poppler-utils' },
  { cmd: 'soffice', pkg: 'libreoffice-writer-nogui' },
  { cmd: 'fc-match', pkg: 'fontconfig' },
  { cmd: 'unzip', pkg: 'unzip' },
  // Validates Akoma Ntoso exports against the OASIS schema in a test.
  { cmd: 'xmllint', pkg: 'libxml2-utils' },
  // LibreOffice's Python bridge, to accept tracked changes in a test.
  { cmd: 'python3-uno', pkg: 'python3-uno', check: () => spawnSync('/usr/bin/python3', ['-c', 'import uno'], { stdio: 'ignore' }).status === 0 },
];

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const missing = needs.filter((n) => !(n.check ? n.check() : has(n.cmd)) && !(process.env.PLENARY_CHROMIUM && n.cmd === 'chromium'));
if (missing.length === 0) process.exit(0);

const pkgs = [...missing.map((m) => m.pkg), 'fonts-liberation'];
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !has('apt-get')) {
  console.error(`The tests need: ${missing.map((m) => m.cmd).join(', ')}. Install them, e.g.:\n  sudo apt-get install -y --no-install-recommends ${pkgs.join(' ')}`);
  process.exit(1);
}
console.error(`Installing ${pkgs.join(', ')} with apt-get…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...pkgs]]) {
  const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (r.status !== 0) {
    console.error(`apt-get ${args[0]} failed (exit ${r.status}).`);
    process.exit(1);
  }
}
