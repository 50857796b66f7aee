/** The one argument reader of every command (scripts/cli.ts). */
import { describe, expect, test } from 'vitest';
import { formatUsage, interpretArgs, parseCli, type CliIO, type CliSpec } from '../../../scripts/cli.ts';

const SPEC = {
  name: 'demo',
  command: 'npm run demo --',
  summary: 'Does a demonstration.',
  options: {
    out: { type: 'string', value: 'DIR', default: 'dist', description: 'where it goes' },
    seed: { type: 'string', value: 'N', description: 'the seed' },
    quiet: { type: 'boolean', description: 'say less' },
  },
  args: [
    { name: 'site', required: true, description: 'the site' },
    { name: 'query', variadic: true, description: 'queries' },
  ],
  env: { DEMO_PORT: 'the port' },
  examples: ['npm run demo -- dist'],
} as const satisfies CliSpec;

describe('formatUsage', () => {
  test('writes the usage line, the summary, the arguments, the options with their defaults, the environment and an example', () => {
    expect(formatUsage(SPEC)).toBe(
      [
        'Usage: npm run demo -- [options] <site> [query …]',
        '',
        'Does a demonstration.',
        '',
        'Arguments:',
        '  site   the site',
        '  query  queries',
        '',
        'Options:',
        '  --out DIR   where it goes (default: dist)',
        '  --seed N    the seed',
        '  --quiet     say less',
        '  -h, --help  print this help and exit',
        '',
        'Environment:',
        '  DEMO_PORT  the port',
        '',
        'Example:',
        '  npm run demo -- dist',
        '',
      ].join('\n'),
    );
  });
});

describe('interpretArgs', () => {
  test('returns the options with their defaults, booleans false unless given, and the arguments', () => {
    expect(interpretArgs(SPEC, ['site', '--seed=7', 'a', 'b'])).toEqual({ kind: 'run', values: { out: 'dist', seed: '7', quiet: false }, args: ['site', 'a', 'b'] });
  });

  test('asks for the help on --help or -h, even beside a mistake', () => {
    expect(interpretArgs(SPEC, ['--help'])).toEqual({ kind: 'help' });
    expect(interpretArgs(SPEC, ['-h'])).toEqual({ kind: 'help' });
    expect(interpretArgs(SPEC, ['--bogus', '--help'])).toEqual({ kind: 'help' });
  });

  test('names an unknown option', () => {
    expect(interpretArgs(SPEC, ['site', '--no-such-option'])).toEqual({ kind: 'error', message: 'unknown option --no-such-option' });
  });

  test('says when an option misses its value', () => {
    expect(interpretArgs(SPEC, ['site', '--seed'])).toMatchObject({ kind: 'error', message: expect.stringMatching(/^option '--seed <value>' argument missing/) });
  });

  test('says when a required argument or option is missing', () => {
    expect(interpretArgs(SPEC, [])).toEqual({ kind: 'error', message: 'missing <site>' });
    const required = { ...SPEC, options: { out: { type: 'string', value: 'DIR', required: true, description: 'x' } }, args: [] } as const satisfies CliSpec;
    expect(interpretArgs(required, [])).toEqual({ kind: 'error', message: 'missing --out DIR' });
  });

  test('refuses arguments a command does not take', () => {
    const none = { ...SPEC, args: [] } as const satisfies CliSpec;
    expect(interpretArgs(none, ['stray'])).toEqual({ kind: 'error', message: 'takes no arguments, got "stray"' });
    const one = { ...SPEC, args: [{ name: 'dist', description: 'x' }] } as const satisfies CliSpec;
    expect(interpretArgs(one, ['a', 'b'])).toEqual({ kind: 'error', message: 'too many arguments: "b"' });
  });
});

describe('parseCli', () => {
  class Exit extends Error {
    code: number;
    constructor(code: number) {
      super(`exit ${code}`);
      this.code = code;
    }
  }
  const fake = () => {
    const seen = { out: '', err: '' };
    const cliIO: CliIO = {
      out: (t) => void (seen.out += t),
      err: (t) => void (seen.err += t),
      exit: (code) => {
        throw new Exit(code);
      },
    };
    return { seen, cliIO };
  };

  test('prints the help to stdout and exits 0', () => {
    const { seen, cliIO } = fake();
    expect(() => parseCli(SPEC, ['--help'], cliIO)).toThrow(new Exit(0));
    expect(seen.out).toBe(formatUsage(SPEC));
    expect(seen.err).toBe('');
  });

  test('prints what is wrong and the help to stderr and exits 2', () => {
    const { seen, cliIO } = fake();
    expect(() => parseCli(SPEC, ['site', '--no-such-option'], cliIO)).toThrow(new Exit(2));
    expect(seen.err).toBe(`demo: unknown option --no-such-option\n\n${formatUsage(SPEC)}`);
    expect(seen.out).toBe('');
  });

  test('returns the values when the arguments are right', () => {
    const { cliIO } = fake();
    expect(parseCli(SPEC, ['site', '--quiet'], cliIO)).toEqual({ values: { out: 'dist', quiet: true }, args: ['site'] });
  });
});
