// Read-only documents about one container: its inspect JSON, its processes and its stats. One content
// provider on one scheme; the commands and the editor's refresh button re-read them from the daemon.
import * as vscode from 'vscode';
import { formatStats, summarizeStats } from '../../core/containers/stats';
import type { ContainerSummary } from '../../core/containers/summary';
import type { DockerClient } from '../../docker/client';
import { daemonMessage } from '../../docker/errors';
import { inspectContainer } from '../../docker/lifecycle';
import { containerStats } from '../../docker/stats';
import { ContainerTop, containerTop } from '../../docker/top';

export const CONTAINER_DOCUMENT_SCHEME = 'shipshape-inspect';

export type ContainerDocumentKind = 'inspect' | 'top' | 'stats';

const FILE_EXTENSION: Record<ContainerDocumentKind, string> = { inspect: 'json', top: 'txt', stats: 'txt' };

/** shipshape-inspect:/web.inspect.json?id=…&kind=inspect; the file extension picks the language. */
export function containerDocumentUri(kind: ContainerDocumentKind, container: Pick<ContainerSummary, 'id' | 'name'>): vscode.Uri {
  const query = new URLSearchParams({ kind, id: container.id, name: container.name }).toString();
  return vscode.Uri.from({ scheme: CONTAINER_DOCUMENT_SCHEME, path: `/${container.name}.${kind}.${FILE_EXTENSION[kind]}`, query });
}

function parseUri(uri: vscode.Uri): { kind: ContainerDocumentKind; id: string; name: string } {
  const query = new URLSearchParams(uri.query);
  const kind = query.get('kind');
  const id = query.get('id');
  if ((kind !== 'inspect' && kind !== 'top' && kind !== 'stats') || !id) {
    throw new Error(`${uri.toString()} names no container document; open one with Inspect Container, Show Container Processes or Show Container Stats`);
  }
  return { kind, id, name: query.get('name') ?? id.slice(0, 12) };
}

/** Processes as aligned columns, with both PIDs first; "—" where the container PID cannot be read. */
export function formatTop(top: ContainerTop): string {
  const pidColumn = top.titles.indexOf('PID');
  const without = (row: string[]) => row.filter((_, i) => i !== pidColumn);
  const header = ['HOST PID', 'CONTAINER PID', ...without(top.titles)];
  const rows = top.processes.map((p) => [p.hostPid ? String(p.hostPid) : '—', p.containerPid ? String(p.containerPid) : '—', ...without(p.row)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

async function render(client: DockerClient, kind: ContainerDocumentKind, id: string, name: string): Promise<string> {
  const read = `\nRead at ${new Date().toLocaleTimeString()}; refresh with the button in the editor title.\n`;
  switch (kind) {
    case 'inspect':
      return JSON.stringify(await inspectContainer(client, id), null, 2) + '\n';
    case 'top':
      return `Processes of ${name}\n\n${formatTop(await containerTop(client, id))}${read}`;
    case 'stats':
      return formatStats(name, summarizeStats(await containerStats(client, id))) + read;
  }
}

export class ContainerDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly contents = new Map<string, string>();
  private readonly closing: vscode.Disposable;

  constructor(private readonly client: () => DockerClient) {
    this.closing = vscode.workspace.onDidCloseTextDocument((document) => this.contents.delete(document.uri.toString()));
  }

  /** Reads the document from the daemon again and updates it where it is open; failures reach the caller. */
  async load(uri: vscode.Uri): Promise<void> {
    await this.read(uri);
    this.changed.fire(uri);
  }

  private async read(uri: vscode.Uri): Promise<string> {
    const { kind, id, name } = parseUri(uri);
    const text = await render(this.client(), kind, id, name);
    this.contents.set(uri.toString(), text);
    return text;
  }

  async show(kind: ContainerDocumentKind, container: ContainerSummary): Promise<vscode.TextEditor> {
    const uri = containerDocumentUri(kind, container);
    await this.load(uri);
    return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const cached = this.contents.get(uri.toString());
    if (cached !== undefined) return cached;
    try {
      return await this.read(uri);
    } catch (error) {
      // A document restored after a reload whose container is gone: say so in it.
      return `Cannot read ${uri.path.slice(1)}: ${daemonMessage(error)}\n`;
    }
  }

  dispose(): void {
    this.closing.dispose();
    this.changed.dispose();
  }
}
