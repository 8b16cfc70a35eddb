// Commands run inside a container: the shell probe and an interactive shell on a TTY.
import { Duplex, Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { DockerClient, onDaemon } from './client';

/** Runs a fixed command in the container and returns its exit code; 126 or 127 mean it is not there. */
async function probe(client: DockerClient, id: string, cmd: string[]): Promise<number | null> {
  return onDaemon(client, async (api) => {
    const exec = await api.getContainer(id).exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
    const output = (await exec.start({})) as unknown as Readable;
    output.resume();
    await finished(output);
    return (await exec.inspect()).ExitCode;
  });
}

export type Shell = 'bash' | 'sh';

/** bash when the image has it, else sh. */
export async function chooseShell(client: DockerClient, id: string): Promise<Shell> {
  for (const shell of ['bash', 'sh'] as const) {
    if ((await probe(client, id, [shell, '-c', 'exit 0'])) === 0) return shell;
  }
  throw new Error('neither bash nor sh runs in it (images such as distroless or scratch have no shell); use the logs or copy commands instead');
}

export interface ShellSession {
  /** The terminal's bytes both ways: a TTY, so nothing is multiplexed. */
  readonly stream: Duplex;
  resize(columns: number, rows: number): Promise<void>;
  /** The shell's exit code, once the stream has ended. */
  exitCode(): Promise<number | null>;
}

/** Starts an interactive `shell` (from chooseShell: a fixed program, never a command line) on a TTY. */
export async function openShell(client: DockerClient, id: string, shell: Shell): Promise<ShellSession> {
  const exec = await onDaemon(client, (api) =>
    api.getContainer(id).exec({ Cmd: [shell], AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: true, Env: ['TERM=xterm-256color'] }),
  );
  const stream = (await onDaemon(client, () => exec.start({ hijack: true, stdin: true, Tty: true }))) as Duplex;
  return {
    stream,
    resize: async (columns, rows) => {
      await onDaemon(client, () => exec.resize({ h: rows, w: columns }));
    },
    exitCode: async () => (await onDaemon(client, () => exec.inspect())).ExitCode,
  };
}
