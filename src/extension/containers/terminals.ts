// A container's logs and an interactive shell in VS Code terminals: Pseudoterminals over dockerode
// streams, so no `docker` CLI is needed and nothing passes through a host shell.
import { StringDecoder } from 'node:string_decoder';
import * as vscode from 'vscode';
import type { ContainerSummary } from '../../core/containers/summary';
import type { DockerClient } from '../../docker/client';
import { daemonMessage } from '../../docker/errors';
import { Shell, ShellSession, openShell } from '../../docker/exec';
import { inspectContainer } from '../../docker/lifecycle';
import { LogFollower, followLogs } from '../../docker/logs';

/** Terminals move to column 0 only on \r; output without a TTY ends lines with a bare \n. */
function terminalLines(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

const dim = (text: string) => `\x1b[2m${text}\x1b[0m`;
const red = (text: string) => `\x1b[31m${text}\x1b[0m`;

export class LogsTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  readonly onDidWrite = this.written.event;
  private follower: LogFollower | undefined;
  private closed = false;

  constructor(private readonly client: DockerClient, private readonly container: ContainerSummary) {}

  open(): void {
    const decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };
    const write = (text: string) => !this.closed && this.written.fire(terminalLines(text));
    void followLogs(this.client, this.container.id, (chunk, source) => write(decoders[source].write(chunk))).then(
      async (follower) => {
        this.follower = follower;
        if (this.closed) return follower.stop();
        const ended = await follower.done.then(() => undefined, (error: unknown) => error);
        if (this.closed) return;
        write(decoders.stdout.end() + decoders.stderr.end());
        write(`\n${dim(await this.endMessage(ended))}\n`);
      },
      (error: unknown) => write(`${red(`Cannot follow the logs of ${this.container.name}: ${daemonMessage(error)}`)}\n`),
    );
  }

  /** The stream also ends when the daemon goes away: say "exited" only when the container did. */
  private async endMessage(streamError: unknown): Promise<string> {
    try {
      const info = await inspectContainer(this.client, this.container.id);
      if (!info.State.Running) return '[container exited]';
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return '[container exited]';
      return `[log stream ended: ${daemonMessage(streamError ?? error)}; run Show Container Logs again once Docker answers]`;
    }
    const why = streamError ? `: ${daemonMessage(streamError)}` : '';
    return `[log stream ended while the container still runs${why}; run Show Container Logs again to follow it]`;
  }

  close(): void {
    this.closed = true;
    this.follower?.stop();
    this.written.dispose();
  }
}

export class ShellTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  readonly onDidWrite = this.written.event;
  private readonly closing = new vscode.EventEmitter<number | void>();
  readonly onDidClose = this.closing.event;
  private session: ShellSession | undefined;
  /** Keys typed before the exec stream is up. */
  private pending: string[] = [];
  private size: vscode.TerminalDimensions | undefined;
  /** Set once the TTY has its size and the keys typed meanwhile are sent. */
  private inputOpen = false;
  private closed = false;

  constructor(private readonly client: DockerClient, private readonly container: ContainerSummary, private readonly shell: Shell) {}

  open(initialDimensions: vscode.TerminalDimensions | undefined): void {
    this.size = initialDimensions;
    void openShell(this.client, this.container.id, this.shell).then(
      (session) => {
        if (this.closed) return void session.stream.destroy();
        this.session = session;
        const decoder = new StringDecoder('utf8');
        session.stream.on('data', (chunk: Buffer) => this.written.fire(decoder.write(chunk)));
        session.stream.once('close', () => void this.ended(session));
        // Size the TTY before the first keys reach the shell, so what they run sees the real size.
        const sized = this.size ? session.resize(this.size.columns, this.size.rows).catch(() => undefined) : Promise.resolve();
        void sized.then(() => {
          this.inputOpen = true;
          for (const keys of this.pending.splice(0)) session.stream.write(keys);
        });
      },
      (error: unknown) => this.written.fire(red(`Cannot start ${this.shell} in ${this.container.name}: ${daemonMessage(error)}`) + '\r\n'),
    );
  }

  private async ended(session: ShellSession): Promise<void> {
    if (this.closed) return;
    const code = await session.exitCode().catch(() => null);
    // Like any terminal whose shell exits: it closes, and a non-zero code is reported by VS Code.
    this.closing.fire(code ?? undefined);
  }

  handleInput(data: string): void {
    if (this.session && this.inputOpen) this.session.stream.write(data);
    else this.pending.push(data);
  }

  setDimensions(dimensions: vscode.TerminalDimensions): void {
    this.size = dimensions;
    if (this.session) this.resize(dimensions);
  }

  private resize(dimensions: vscode.TerminalDimensions): void {
    // A resize racing the shell's exit fails with "no such exec"; there is nothing left to resize then.
    void this.session?.resize(dimensions.columns, dimensions.rows).catch(() => undefined);
  }

  close(): void {
    this.closed = true;
    this.session?.stream.end();
    this.session?.stream.destroy();
    this.written.dispose();
    this.closing.dispose();
  }
}

/** Follows the container's logs (the last 500 lines, then live) in a new terminal; closing it ends the stream. */
export function showLogsTerminal(client: DockerClient, container: ContainerSummary): vscode.Terminal {
  const pty = new LogsTerminal(client, container);
  const terminal = vscode.window.createTerminal({ name: `${container.name} (logs)`, pty, iconPath: new vscode.ThemeIcon('output') });
  terminal.show();
  return terminal;
}

/** An interactive `shell` in the container, in a new terminal that closes when the shell exits. */
export function showShellTerminal(client: DockerClient, container: ContainerSummary, shell: Shell): vscode.Terminal {
  const pty = new ShellTerminal(client, container, shell);
  const terminal = vscode.window.createTerminal({ name: `${container.name} (${shell})`, pty, iconPath: new vscode.ThemeIcon('terminal') });
  terminal.show();
  return terminal;
}
