// Finds the browser the tests run in: $CHROME_PATH, or Debian's /usr/bin/chromium, installing it
// with apt when it is missing and we may (test tools cannot download a browser of their own here).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROME_PATH || '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!hasApt) {
  console.error(`No Chromium at ${path}. Install Chromium and set CHROME_PATH to its executable.`);
  process.exit(1);
}
const sudo = isRoot ? [] : ['sudo'];
console.log(`No Chromium at ${path}: installing Debian's chromium package…`);
const run = (args) =>
  execFileSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
try {
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core']);
} catch {
  console.error('Installing chromium failed. Install it yourself (apt-get install chromium) or set CHROME_PATH.');
  process.exit(1);
}
if (!existsSync(path)) {
  console.error(`chromium was installed but ${path} is missing; set CHROME_PATH.`);
  process.exit(1);
}
