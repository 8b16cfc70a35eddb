// What every `shipshape` command shares: where it writes, how a usage mistake is reported, the exit
// codes, and one declaration of its options that gives both the typed values and the help text.
import { parseArgs } from 'node:util';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  isTTY?: boolean;
  /** Standard error is a terminal (progress bars go there). */
  errIsTTY?: boolean;
  /** Standard input, as bytes: the caller decides whether it is text. */
  readStdin(): Promise<Buffer>;
}

/** 0 ok; 1 findings, failed checks or an unexpected error; 2 a usage error, a refused input, or Docker not reachable. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A mistake in how the command was called: exit 2 with the message and a pointer to the command's help. */
export class UsageError extends Error {}

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** One letter, with one meaning across all commands (see the README's "The command line"). */
  short?: string;
  /** The flag may be repeated; the values come as an array (empty when absent). */
  multiple?: boolean;
  /** The value's name in the help: FILE, DIR, URL. */
  value?: string;
  /** The allowed values: anything else is a usage error, and the values are typed as this union. */
  choices?: readonly string[];
  default?: string;
  help: string;
  /** An old spelling kept working: its value goes to this option, with a warning on stderr. */
  deprecatedFor?: string;
  /** The short letter is an old spelling: accepted, with a warning on stderr. */
  deprecatedShort?: boolean;
}

export type OptionSpecs = Record<string, OptionSpec>;

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean'
  ? boolean
  : S extends { choices: readonly (infer C extends string)[] }
    ? C
    : string;

/** The parsed values: booleans are false when absent, repeatable flags [], strings undefined unless they have a default. */
export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]: O[K] extends { multiple: true }
    ? ValueOf<O[K]>[]
    : O[K]['type'] extends 'boolean'
      ? boolean
      : O[K] extends { default: string }
        ? ValueOf<O[K]>
        : ValueOf<O[K]> | undefined;
};

/** `--host` and `--context`: which Docker daemon, with the Docker CLI's meaning (see "Which daemon"). */
export const daemonOptions = {
  host: { type: 'string', short: 'H', value: 'URL', help: 'the Docker daemon to talk to (unix://, tcp://, ssh://, npipe://), as DOCKER_HOST' },
  context: { type: 'string', short: 'c', value: 'NAME', help: 'the Docker context to use, as `docker --context`' },
} as const satisfies OptionSpecs;

/** `-f, --format` with the given formats, the first being the default. */
export function formatOption<const F extends readonly [string, ...string[]]>(formats: F) {
  return { type: 'string', short: 'f', value: 'FORMAT', choices: formats, default: formats[0], help: `output format: ${formats.join(', ')}` } as const;
}

export interface CommandSpec<O extends OptionSpecs> {
  name: string;
  summary: string;
  /** What follows the options in the usage line: `PATH...`, `CONTAINER...`, or '' for nothing. */
  operands: string;
  /** Lines of help after the options (what the operands mean, what is searched). */
  notes?: string[];
  options: O;
  examples: string[];
  /** The help's last line: what each exit code means for this command. */
  exitCodes: string;
  run(values: OptionValues<O>, operands: string[], io: CliIO): Promise<number>;
}

/** A command as the table in main.ts holds it: its options already bound to its run(). */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  help(): string;
  run(args: string[], io: CliIO): Promise<number>;
}

const HELP: OptionSpec = { type: 'boolean', short: 'h', help: 'show this help' };

export function defineCommand<const O extends OptionSpecs>(spec: CommandSpec<O>): Command {
  const usage = `shipshape ${spec.name} [options]${spec.operands ? ` ${spec.operands}` : ''}`;
  return {
    name: spec.name,
    summary: spec.summary,
    usage,
    help: () => commandHelp(spec, usage),
    async run(args, io) {
      if (wantsHelp(args)) {
        io.out(commandHelp(spec, usage));
        return EXIT.ok;
      }
      const { values, operands } = parseOptions(spec.name, spec.options, args, io);
      if (!spec.operands && operands.length) throw new UsageError(`takes no operands (got "${operands[0]}")`);
      return spec.run(values, operands, io);
    },
  };
}

/** `-h`/`--help` anywhere before `--` wins over every other flag, known or not. */
function wantsHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

function parseOptions<O extends OptionSpecs>(command: string, options: O, args: string[], io: Pick<CliIO, 'err'>): { values: OptionValues<O>; operands: string[] } {
  const config: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, o] of Object.entries(options)) config[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  let parsed;
  try {
    parsed = parseArgs({ args, options: config, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError(parserMessage(error as Error & { code?: string }));
  }
  const raw = parsed.values as Record<string, string | boolean | (string | boolean)[] | undefined>;
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    const o = options[token.name]!;
    if (o.deprecatedFor) io.err(`shipshape ${command}: ${token.rawName} is deprecated for ${command}; use --${o.deprecatedFor}\n`);
    else if (o.deprecatedShort && token.rawName === `-${o.short}`) io.err(`shipshape ${command}: ${token.rawName} is deprecated for ${command}; use --${token.name}\n`);
  }
  const values: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(options)) {
    if (o.deprecatedFor) continue;
    const given = [raw[name], ...Object.entries(options).filter(([, a]) => a.deprecatedFor === name).map(([alias]) => raw[alias])].filter((v) => v !== undefined);
    const value = o.multiple ? given.flat() : (given[0] ?? (o.type === 'boolean' ? false : o.default));
    for (const v of Array.isArray(value) ? value : [value]) {
      if (o.choices && v !== undefined && !o.choices.includes(v as string)) throw new UsageError(`--${name} must be one of ${o.choices.join(', ')} (got "${String(v)}")`);
    }
    values[name] = value;
  }
  // The one cast: every value was just checked against its declaration.
  return { values: values as OptionValues<O>, operands: parsed.positionals };
}

/** Node's parser messages in our words; the option named, the quotes balanced. */
function parserMessage(error: Error & { code?: string }): string {
  const option = /(--[\w-]+)/.exec(error.message)?.[1] ?? /'(-\w)/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return /does not take an argument/.test(error.message) ? `${option} takes no value` : `${option} needs a value`;
  }
  return error.message;
}

function commandHelp<O extends OptionSpecs>(spec: CommandSpec<O>, usage: string): string {
  const all: [string, OptionSpec][] = [...Object.entries(spec.options), ['help', HELP]];
  const rows = all.map(([name, o]) => {
    const flag = `${o.short && !o.deprecatedShort ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}`;
    const extra = o.deprecatedFor ? `deprecated: use --${o.deprecatedFor}` : `${o.help}${o.multiple ? ' (repeatable)' : ''}${o.default !== undefined ? ` (default ${o.default})` : ''}${o.deprecatedShort ? ` (-${o.short}: deprecated)` : ''}`;
    return [flag, extra] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  const lines = [
    `shipshape ${spec.name}: ${spec.summary}`,
    '',
    `Usage: ${usage}`,
    ...(spec.notes?.length ? ['', ...spec.notes] : []),
    '',
    'Options:',
    ...rows.map(([flag, extra]) => `  ${flag.padEnd(width)}${extra}`),
    '',
    spec.examples.length === 1 ? 'Example:' : 'Examples:',
    ...spec.examples.map((e) => `  ${e}`),
    '',
    `Exit codes: ${spec.exitCodes}`,
  ];
  return lines.join('\n') + '\n';
}
