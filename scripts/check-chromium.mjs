// Finds the Chromium the browser tests run on: CHROMIUM_PATH, else /usr/bin/chromium, else
// `chromium` on PATH. Playwright never downloads a browser of its own for this project.
// Run as a script (`node scripts/check-chromium.mjs`) it exits 1 with one line when none is found;
// playwright.config.ts imports `chromiumPath()`.
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The flags every Chromium of the project starts with: headless as root, and nothing that would
 * reach for the network (this machine has none beyond the package registries).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const NO_CHROMIUM =
  'No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.';

/** True when `file` is an executable regular file (symlinks followed). */
function isExecutable(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium binary to launch, or null when there is none. CHROMIUM_PATH, when set, is the only candidate. */
export function chromiumPath() {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return isExecutable(configured) ? configured : null;
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, 'chromium'))) return join(dir, 'chromium');
  }
  return null;
}

function isMain() {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  // Loaded only when run as a script: playwright.config.ts imports this file too.
  import('./cli.ts').then(({ parseCli }) => {
    parseCli({
      name: 'check-chromium',
      command: 'node scripts/check-chromium.mjs',
      summary: 'Exits 1 with one line when no Chromium is found for the browser tests; `npm test` runs it first.',
      options: {},
      env: { CHROMIUM_PATH: 'the Chromium to use (default: /usr/bin/chromium, else chromium on PATH)' },
      examples: ['CHROMIUM_PATH=/opt/chromium/chrome node scripts/check-chromium.mjs'],
    });
    if (!chromiumPath()) {
      console.error(NO_CHROMIUM);
      process.exit(1);
    }
  });
}
