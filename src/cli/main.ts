// `shipshape`: the command-line twin of the extension. Each command is a small function in one table.
import { ParseArgsConfig, parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { formatContainerTable } from '../core/containers/summary';
import { DaemonUnreachableError, createDockerClient } from '../docker/client';
import { listContainers } from '../docker/containers';
import { EndpointError } from '../docker/endpoint';
import { internalsCommand } from './internals';
import { ConfigError, LintUsageError, runLint } from './lint';
import { formatProblem } from '../core/lint/hadolint-config';
import { version } from '../../package.json';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  isTTY?: boolean;
  readStdin(): Promise<string>;
}

/** A mistake in how the command was called: exit 2 with the message and a hint. */
export class UsageError extends Error {}

interface Command {
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

const daemonOptions = {
  host: { type: 'string', short: 'H' },
  context: { type: 'string', short: 'c' },
} as const;

const commands: Record<string, Command> = {
  lint: {
    summary: 'lint Dockerfiles (every hadolint rule and BuildKit check; .hadolint.yaml honoured)',
    usage:
      'shipshape lint [--format tty|json|sarif|checkstyle|junit|codeclimate|github] [--config FILE] [--ignore ID]... [--trusted-registry R]... [--failure-threshold error|warning|info|style|none] [--no-fail] [--context DIR] [--shellcheck PATH | --no-shellcheck] PATH... (a folder is searched; - reads stdin)',
    async run(args, io) {
      const { values, positionals } = parse(args, {
        format: { type: 'string', short: 'f', default: 'tty' },
        config: { type: 'string', short: 'c' },
        ignore: { type: 'string', multiple: true, default: [] },
        'trusted-registry': { type: 'string', multiple: true, default: [] },
        'failure-threshold': { type: 'string', short: 't' },
        'no-fail': { type: 'boolean', default: false },
        'no-color': { type: 'boolean', default: false },
        context: { type: 'string' },
        shellcheck: { type: 'string' },
        'no-shellcheck': { type: 'boolean', default: false },
      });
      try {
        const { output, exitCode } = await runLint({
          paths: positionals,
          format: values.format as string,
          config: values.config as string | undefined,
          ignore: values.ignore as string[],
          trustedRegistries: values['trusted-registry'] as string[],
          failureThreshold: values['failure-threshold'] as string | undefined,
          noFail: values['no-fail'] as boolean,
          context: values.context as string | undefined,
          shellcheck: values['no-shellcheck'] ? 'off' : ((values.shellcheck as string | undefined) ?? ''),
          color: !values['no-color'] && Boolean(io.isTTY) && !io.env.NO_COLOR,
          readStdin: io.readStdin,
          cwd: io.cwd,
        });
        io.out(output);
        return exitCode;
      } catch (error) {
        if (error instanceof LintUsageError) throw new UsageError(error.message);
        if (error instanceof ConfigError) {
          io.err(`shipshape lint: invalid configuration\n${error.problems.map(formatProblem).join('\n')}\n`);
          return 2;
        }
        throw error;
      }
    },
  },
  ps: {
    summary: 'list all containers (name, image, state, status)',
    usage: 'shipshape ps [--format tty|json] [--host URL] [--context NAME]',
    async run(args, io) {
      const { values } = parse(args, { format: { type: 'string', short: 'f', default: 'tty' }, ...daemonOptions });
      const format = oneOf('--format', values.format, ['tty', 'json']);
      const client = createDockerClient({ env: io.env, host: values.host, context: values.context });
      const containers = await listContainers(client);
      io.out(format === 'json' ? JSON.stringify(containers, null, 2) + '\n' : formatContainerTable(containers));
      return 0;
    },
  },
  internals: internalsCommand,
};

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true as const });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function oneOf<T extends string>(flag: string, value: unknown, allowed: readonly T[]): T {
  if (allowed.includes(value as T)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${String(value)}")`);
}

function help(): string {
  const rows = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}\n             ${c.usage}`);
  return `shipshape ${version}: Dockerfile lint, layers, container internals and labs\n\nUsage: shipshape <command> [options]\n\nCommands:\n${rows.join('\n')}\n\nExit codes: 0 ok, 1 findings or failed checks, 2 usage error or Docker not reachable.\n`;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${version}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.err(`shipshape: unknown command "${name}"\nhint: run \`shipshape --help\` for the list of commands\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`shipshape ${name}: ${error.message}\nusage: ${command.usage}\n`);
      return 2;
    }
    if (error instanceof DaemonUnreachableError) {
      io.err(`shipshape ${name}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof EndpointError) {
      io.err(`shipshape ${name}: ${error.message}\nhint: ${error.hint}\n`);
      return 2;
    }
    io.err(`shipshape ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

if (require.main === module) {
  // A CLI run is short: V8's optimizing tier for the tree-sitter WebAssembly costs more than it
  // saves, and the process waits for those background compiles at exit (measured by bench/lint).
  setFlagsFromString('--liftoff-only');
  const readStdin = async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  const io: CliIO = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), env: process.env, cwd: process.cwd(), isTTY: process.stdout.isTTY, readStdin };
  main(process.argv.slice(2), io).then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`shipshape: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
