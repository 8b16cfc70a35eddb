// `shipshape`: the command-line twin of the extension. The table of commands and the dispatch;
// each command is one file in commands/, its options and help declared once (see io.ts).
import { setFlagsFromString } from 'node:v8';
import { version } from '../../package.json';
import { CliIO, Command, EXIT, UsageError } from './io';

// Each command's module is initialised only when that command runs (all of them for the overview):
// `shipshape lint` in CI spends nothing on the labs' schema compiler or the layers' archive readers.
const loaders: Record<string, () => Promise<Command>> = {
  lint: async () => (await import('./commands/lint')).lint,
  layers: async () => (await import('./commands/layers')).layers,
  ps: async () => (await import('./commands/ps')).ps,
  internals: async () => (await import('./commands/internals')).internals,
  labs: async () => (await import('./commands/labs')).labs,
};

async function loadCommand(name: string): Promise<Command | undefined> {
  return Object.hasOwn(loaders, name) ? loaders[name]!() : undefined;
}

async function overview(): Promise<string> {
  const commands = await Promise.all(Object.values(loaders).map((load) => load()));
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  const rows = commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`);
  return [
    `shipshape ${version}: Dockerfile lint, layers, container internals and labs`,
    '',
    'Usage: shipshape <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Run `shipshape <command> --help` (or `shipshape help <command>`) for its options and an example.',
    'Exit codes: 0 ok, 1 findings or failed checks, 2 a usage error or Docker not reachable.',
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(await overview());
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h') {
    io.out(await overview());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${version}\n`);
    return EXIT.ok;
  }
  if (name === 'help') {
    if (rest[0] === undefined) {
      io.out(await overview());
      return EXIT.ok;
    }
    const command = await loadCommand(rest[0]);
    if (command) io.out(command.help());
    else io.err(`shipshape help: unknown command "${rest[0]}"\nhint: run \`shipshape --help\` for the list of commands\n`);
    return command ? EXIT.ok : EXIT.usage;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.err(`shipshape: unknown command "${name}"\nhint: run \`shipshape --help\` for the list of commands\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`shipshape ${name}: ${error.message}\nusage: ${command.usage}\nhint: run \`shipshape ${name} --help\` for its options\n`);
      return EXIT.usage;
    }
    // Loaded here, not up front: `shipshape lint` never talks to Docker, and the client module brings node:http and node:crypto.
    const [{ DaemonUnreachableError }, { EndpointError }] = await Promise.all([import('../docker/client'), import('../docker/endpoint')]);
    if (error instanceof DaemonUnreachableError) {
      io.err(`shipshape ${name}: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof EndpointError) {
      io.err(`shipshape ${name}: ${error.message}\nhint: ${error.hint}\n`);
      return EXIT.usage;
    }
    io.err(`shipshape ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.failed;
  }
}

if (require.main === module) {
  // A CLI run is short: V8's optimizing tier for the tree-sitter WebAssembly costs more than it
  // saves, and the process waits for those background compiles at exit (measured by bench/lint).
  setFlagsFromString('--liftoff-only');
  const readStdin = async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  // A reader that stops early (`shipshape lint . | head`) closes the pipe: stop as quietly as other tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  const io: CliIO = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), env: process.env, cwd: process.cwd(), isTTY: process.stdout.isTTY, errIsTTY: process.stderr.isTTY, readStdin };
  main(process.argv.slice(2), io).then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`shipshape: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
