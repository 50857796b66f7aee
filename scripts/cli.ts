/**
 * How every command of the project reads its arguments: `node:util` parseArgs in strict mode, with
 * `--help`/`-h`, unknown options, missing values and positional arguments handled the same way
 * everywhere. A command declares its options once (with their description and default), and the
 * help text is written from that declaration, so the help cannot drift from what is parsed.
 *
 *   const { values, args } = parseCli(SPEC);   // prints the help and exits 0, or the error and exits 2
 */
import { parseArgs } from 'node:util';

export interface CliOption {
  type: 'string' | 'boolean';
  /** What the option does, in one line. */
  description: string;
  /** The value's name in the help ("DIR", "N"); string options only. */
  value?: string;
  short?: string;
  /** Used when the option is not given (string options; boolean ones are false). */
  default?: string;
  /** The command cannot run without it. */
  required?: boolean;
}

export interface CliArgument {
  name: string;
  description: string;
  required?: boolean;
  /** Takes every remaining argument. */
  variadic?: boolean;
  /** Said in the help; the command applies it. */
  default?: string;
}

export interface CliSpec<O extends Record<string, CliOption> = Record<string, CliOption>> {
  /** The name errors are prefixed with ("ingest"). */
  name: string;
  /** How a user runs it, up to the options ("npm run ingest --"). */
  command: string;
  /** What the command does, a sentence or two. */
  summary: string;
  options: O;
  /** Positional arguments, in order; none unless listed. */
  args?: readonly CliArgument[];
  /** Environment variables the command honours: name → what it does. */
  env?: Readonly<Record<string, string>>;
  examples: readonly string[];
}

/** The parsed options: booleans always set, strings set when given, defaulted or required. */
export type CliValues<O extends Record<string, CliOption>> = {
  [K in keyof O]: O[K] extends { type: 'boolean' } ? boolean : O[K] extends { default: string } | { required: true } ? string : string | undefined;
};

export type CliOutcome<O extends Record<string, CliOption>> =
  | { kind: 'run'; values: CliValues<O>; args: string[] }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

const HELP: CliOption = { type: 'boolean', short: 'h', description: 'print this help and exit' };

const optionLabel = (name: string, o: CliOption): string =>
  `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;

const argumentLabel = (a: CliArgument): string => {
  const name = `${a.name}${a.variadic ? ' …' : ''}`;
  return a.required ? `<${name}>` : `[${name}]`;
};

/** Rows of a two-column list, the second column aligned. */
function columns(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

/** The help text of a command, written from its declaration. */
export function formatUsage(spec: CliSpec): string {
  const args = spec.args ?? [];
  const synopsis = [spec.command, '[options]', ...args.map(argumentLabel)].join(' ');
  const options = Object.entries({ ...spec.options, help: HELP }).map(([name, o]): [string, string] => [
    optionLabel(name, o),
    `${o.description}${o.required ? ' (required)' : ''}${o.default !== undefined ? ` (default: ${o.default})` : ''}`,
  ]);
  const lines = [`Usage: ${synopsis}`, '', spec.summary, ''];
  if (args.length > 0) {
    lines.push('Arguments:', ...columns(args.map((a) => [a.name, `${a.description}${a.default !== undefined ? ` (default: ${a.default})` : ''}`])), '');
  }
  lines.push('Options:', ...columns(options), '');
  const env = Object.entries(spec.env ?? {});
  if (env.length > 0) lines.push('Environment:', ...columns(env), '');
  lines.push(spec.examples.length > 1 ? 'Examples:' : 'Example:', ...spec.examples.map((e) => `  ${e}`));
  return `${lines.join('\n')}\n`;
}

/** What Node's parseArgs error says, in a line: the option it is about, first. */
function parseError(error: unknown): string {
  const e = error as Error & { code?: string };
  const option = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return e.message.replace(/^Option /, 'option ');
  return e.message;
}

/** Reads `argv` against `spec` (pure): run with these values, print the help, or stop on an error. */
export function interpretArgs<O extends Record<string, CliOption>>(spec: CliSpec<O>, argv: readonly string[]): CliOutcome<O> {
  const options = Object.fromEntries(
    Object.entries({ ...spec.options, help: HELP }).map(([name, o]) => [
      name,
      { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.type === 'boolean' ? { default: false } : o.default !== undefined ? { default: o.default } : {}) },
    ]),
  );
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    // `--help` wins over any other mistake on the same line.
    if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
    return { kind: 'error', message: parseError(error) };
  }
  if (parsed.values.help) return { kind: 'help' };
  for (const [name, o] of Object.entries(spec.options)) {
    if (o.required && parsed.values[name] === undefined) return { kind: 'error', message: `missing ${optionLabel(name, o)}` };
  }
  const declared = spec.args ?? [];
  const missing = declared.find((a, i) => a.required && parsed.positionals[i] === undefined);
  if (missing) return { kind: 'error', message: `missing ${argumentLabel(missing)}` };
  if (!declared.at(-1)?.variadic && parsed.positionals.length > declared.length) {
    const extra = parsed.positionals.slice(declared.length).join(' ');
    return { kind: 'error', message: declared.length === 0 ? `takes no arguments, got "${extra}"` : `too many arguments: "${extra}"` };
  }
  const { help: _help, ...values } = parsed.values;
  return { kind: 'run', values: values as CliValues<O>, args: parsed.positionals };
}

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  exit(code: number): never;
}

const processIO: CliIO = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  exit: (code) => process.exit(code),
};

/**
 * The command's options and positional arguments. `--help`/`-h` prints the help to stdout and
 * exits 0; an unknown option, a missing value or a wrong argument count prints what is wrong and
 * the help to stderr and exits 2 (the usual code for a usage error).
 */
export function parseCli<O extends Record<string, CliOption>>(
  spec: CliSpec<O>,
  argv: readonly string[] = process.argv.slice(2),
  io: CliIO = processIO,
): { values: CliValues<O>; args: string[] } {
  const outcome = interpretArgs(spec, argv);
  if (outcome.kind === 'help') {
    io.out(formatUsage(spec));
    return io.exit(0);
  }
  if (outcome.kind === 'error') {
    io.err(`${spec.name}: ${outcome.message}\n\n${formatUsage(spec)}`);
    return io.exit(2);
  }
  return { values: outcome.values, args: outcome.args };
}
