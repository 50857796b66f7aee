/**
 * What Node a user needs, said the same way everywhere: Node >= 20 on the machine to run
 * `npm install` (package.json `engines`), which brings Node 24 for every script; a script started
 * with an older Node than its own minimum stops with that explanation (scripts/check-node.mjs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { tooOld, tooOldMessage } from '../../../scripts/check-node.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { engines: { node: string }; devDependencies: Record<string, string> };

describe('the Node a user needs', () => {
  test('package.json engines asks for Node >= 20, what npm install needs', () => {
    expect(pkg.engines.node).toBe('>=20');
  });

  test('npm install brings Node 24 for the scripts (the node devDependency)', () => {
    expect(pkg.devDependencies.node).toMatch(/^\^?24\./);
  });

  test("the guard's message says Node >= 20 is for npm install, which brings Node 24 for the scripts", () => {
    const message = tooOldMessage('20.20.2');
    expect(message).toContain('Node 20.20.2 is too old');
    expect(message).toContain('Node >= 20 only to run `npm install`, which installs Node 24');
    expect(message).toContain('`npm run …`');
  });
});

describe('tooOld', () => {
  test('stops Node 20 and 22.12, lets 22.18 and 24 through', () => {
    expect(tooOld('20.20.2')).toBe(true);
    expect(tooOld('22.12.0')).toBe(true);
    expect(tooOld('22.18.0')).toBe(false);
    expect(tooOld('24.21.0')).toBe(false);
  });
});

// The machine's own Node, when it is older than the scripts' (this one is Debian's Node 20).
const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => existsSync(p) && tooOld(spawnSync(p, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim()));

describe('scripts/check-node.mjs', () => {
  test('passes on the Node npm installed', () => {
    const run = spawnSync(process.execPath, ['scripts/check-node.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });

  test.runIf(systemNode)("stops the machine's older Node with the explanation, exit 1", () => {
    const run = spawnSync(systemNode!, ['scripts/check-node.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/too old for this project's scripts, which need Node >= 22\.18\. The machine needs Node >= 20 only to run `npm install`/);
  });
});
