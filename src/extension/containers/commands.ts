// The container commands. Each is a small function of the context and one container, which comes from
// the tree node it was invoked on or, from the command palette, from a quick pick. None refreshes the
// tree: the daemon's events do.
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { ContainerState, ContainerSummary, publishedTcpUrls } from '../../core/containers/summary';
import type { DockerEndpoint } from '../../docker/endpoint';
import { listContainers } from '../../docker/containers';
import { containerPathProblem, copyFromContainer, copyIntoContainer } from '../../docker/copy';
import { daemonMessage } from '../../docker/errors';
import { chooseShell } from '../../docker/exec';
import { LifecycleAction, changeState, removeContainer } from '../../docker/lifecycle';
import { readConfig } from '../config';
import type { CommandFactory, ShipshapeContext } from '../context';
import { CONTAINER_DOCUMENT_SCHEME } from './documents';
import { showLogsTerminal, showShellTerminal } from './terminals';

interface ContainerCommand {
  /** For messages: "Could not <doing> container "web"". */
  doing: string;
  /** The states it applies to: the palette offers these; package.json's menus use the same sets. */
  states: readonly ContainerState[];
  /** Offered only for containers that publish a TCP port (the tree node's contextValue ends in ".published"). */
  needsPublishedPort?: true;
  run(ctx: ShipshapeContext, container: ContainerSummary): Promise<unknown>;
}

const EVERY_STATE: readonly ContainerState[] = ['running', 'restarting', 'paused', 'created', 'removing', 'exited', 'dead', 'unknown'];
const LIVE: readonly ContainerState[] = ['running', 'restarting', 'paused'];
const WITH_FILES: readonly ContainerState[] = ['running', 'restarting', 'paused', 'created', 'exited'];


function isContainerNode(arg: unknown): arg is { kind: 'container'; container: ContainerSummary } {
  return typeof arg === 'object' && arg !== null && (arg as { kind?: unknown }).kind === 'container' && 'container' in arg;
}

async function pickContainer(ctx: ShipshapeContext, command: ContainerCommand): Promise<ContainerSummary | undefined> {
  // The live model when the view has connected it; otherwise one listing, which names an unreachable daemon.
  const all = ctx.docker.connection.kind === 'connected' ? ctx.docker.containers : await listContainers(ctx.client);
  const fitting = all.filter((c) => command.states.includes(c.state) && (!command.needsPublishedPort || publishedTcpUrls(c.ports).length > 0));
  if (!fitting.length) {
    const states = command.states.length < EVERY_STATE.length ? `: none is ${command.states.join(', ').replace(/, ([^,]+)$/, ' or $1')}` : '';
    const published = command.needsPublishedPort ? ' and publishes a TCP port' : '';
    void vscode.window.showInformationMessage(`Shipshape: no container to ${command.doing}${states}${published}.`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    fitting.map((c) => ({ label: c.name, description: c.image, detail: `${c.status} · ${c.id.slice(0, 12)}`, container: c })),
    { title: `Container to ${command.doing}`, placeHolder: 'Type to filter by name, image or status', matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.container;
}

function containerCommand(command: ContainerCommand): CommandFactory {
  return (ctx) => async (node?: unknown) => {
    let container: ContainerSummary | undefined;
    try {
      container = isContainerNode(node) ? node.container : await pickContainer(ctx, command);
      if (container) await command.run(ctx, container);
    } catch (error) {
      const message = `Could not ${command.doing} ${container ? `container "${container.name}"` : 'a container'}: ${daemonMessage(error)}`;
      ctx.output.error(message);
      void vscode.window.showErrorMessage(`Shipshape: ${message}`);
    }
  };
}

function withProgress<T>(title: string, work: () => Promise<T>): Promise<T> {
  return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, work));
}

/** A modal question before an action that loses state, unless shipshape.containers.confirmDestructive is off. */
async function confirmed(question: string, detail: string, ...actions: string[]): Promise<string | undefined> {
  if (!readConfig().containers.confirmDestructive) return actions[0];
  return vscode.window.showWarningMessage(question, { modal: true, detail }, ...actions);
}

function lifecycle(action: LifecycleAction, doing: string, states: readonly ContainerState[], progress: string, warning?: string): ContainerCommand {
  return {
    doing,
    states,
    run: async (ctx, c) => {
      if (warning) {
        const verb = action[0]!.toUpperCase() + action.slice(1);
        if ((await confirmed(`${verb} container "${c.name}"?`, warning, verb)) !== verb) return;
      }
      await withProgress(`${progress} ${c.name}…`, () => changeState(ctx.client, c.id, action));
    },
  };
}

/** Where a wildcard-published port is reached: this machine, or the daemon's host when it is remote. */
function publishedHost(endpoint: DockerEndpoint): string {
  const url = new URL(endpoint.host);
  const remote = (url.protocol === 'tcp:' || url.protocol === 'ssh:') && url.hostname;
  return remote ? url.hostname.replace(/^\[(.*)\]$/, '$1') : '127.0.0.1';
}

function localPaths(uris: readonly vscode.Uri[]): string[] {
  const remote = uris.find((u) => u.scheme !== 'file');
  if (remote) throw new Error(`${remote.toString()} is not on this machine's file system; pick local files or folders`);
  return uris.map((u) => u.fsPath);
}

const REMOVE = 'Remove';
const REMOVE_WITH_VOLUMES = 'Remove with Anonymous Volumes';

const table: Record<string, ContainerCommand> = {
  'shipshape.container.logs': {
    doing: 'follow the logs of',
    states: EVERY_STATE,
    run: async (ctx, c) => showLogsTerminal(ctx.client, c),
  },
  'shipshape.container.shell': {
    doing: 'open a shell in',
    states: ['running'],
    run: async (ctx, c) => showShellTerminal(ctx.client, c, await chooseShell(ctx.client, c.id)),
  },
  'shipshape.container.inspect': {
    doing: 'inspect',
    states: EVERY_STATE,
    run: (ctx, c) => ctx.containerDocuments.show('inspect', c),
  },
  'shipshape.container.top': {
    doing: 'list the processes of',
    states: ['running', 'paused'],
    run: (ctx, c) => ctx.containerDocuments.show('top', c),
  },
  'shipshape.container.stats': {
    doing: 'read the stats of',
    states: ['running', 'paused'],
    // The daemon waits for a second sample to compute CPU %: about a second.
    run: (ctx, c) => withProgress(`Reading stats of ${c.name}…`, () => ctx.containerDocuments.show('stats', c)),
  },
  'shipshape.container.start': lifecycle('start', 'start', ['created', 'exited'], 'Starting'),
  'shipshape.container.stop': lifecycle('stop', 'stop', LIVE, 'Stopping', 'Its main process gets SIGTERM, then SIGKILL after the stop timeout.'),
  'shipshape.container.restart': lifecycle('restart', 'restart', ['running', 'created', 'exited'], 'Restarting'),
  'shipshape.container.pause': lifecycle('pause', 'pause', ['running'], 'Pausing'),
  'shipshape.container.unpause': lifecycle('unpause', 'unpause', ['paused'], 'Resuming'),
  'shipshape.container.kill': lifecycle('kill', 'kill', LIVE, 'Killing', 'Its main process gets SIGKILL at once and cannot clean up.'),
  'shipshape.container.remove': {
    doing: 'remove',
    states: EVERY_STATE.filter((s) => s !== 'removing'),
    run: async (ctx, c) => {
      const live = LIVE.includes(c.state);
      const detail = `${live ? 'It is running: it will be killed first. ' : ''}Its writable layer is deleted; named volumes are kept.`;
      const answer = await confirmed(`Remove container "${c.name}"?`, detail, REMOVE, REMOVE_WITH_VOLUMES);
      if (answer !== REMOVE && answer !== REMOVE_WITH_VOLUMES) return;
      await withProgress(`Removing ${c.name}…`, () => removeContainer(ctx.client, c.id, { force: live, volumes: answer === REMOVE_WITH_VOLUMES }));
    },
  },
  'shipshape.container.openPort': {
    doing: 'open a published port of',
    states: ['running'],
    needsPublishedPort: true,
    run: async (ctx, c) => {
      const urls = publishedTcpUrls(c.ports, publishedHost(ctx.client.endpoint));
      if (!urls.length) {
        const hint = 'Publish one when you run it, e.g. `docker run -p 8080:80 …`.';
        void vscode.window.showInformationMessage(`Shipshape: container "${c.name}" publishes no TCP port. ${hint}`);
        return;
      }
      const chosen =
        urls.length === 1
          ? urls[0]
          : await vscode.window.showQuickPick(
              urls.map((u) => ({ label: u.url, description: `container port ${u.port.privatePort}/${u.port.type}`, url: u.url, port: u.port })),
              { title: `Port of ${c.name} to open in the browser` },
            );
      if (chosen) await vscode.env.openExternal(vscode.Uri.parse(chosen.url));
    },
  },
  'shipshape.container.copyFrom': {
    doing: 'copy a file out of',
    states: WITH_FILES,
    run: async (ctx, c) => {
      const containerPath = await vscode.window.showInputBox({
        title: `Copy out of ${c.name}`,
        prompt: 'Absolute path of a file or folder in the container',
        value: '/',
        validateInput: (value) => containerPathProblem(value) && `The path cannot be used: ${containerPathProblem(value)}.`,
      });
      if (containerPath === undefined) return;
      const name = path.posix.basename(containerPath);
      const [folder] = localPaths(
        (await vscode.window.showOpenDialog({
          title: `Folder to copy ${c.name}:${containerPath} into`,
          openLabel: 'Copy Here',
          canSelectFiles: false,
          canSelectFolders: true,
          canSelectMany: false,
          defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
        })) ?? [],
      );
      if (!folder) return;
      // "/" and "/dir/." copy the contents; anything else lands under its own name, which may exist already.
      const target = name && name !== '.' ? path.join(folder, name) : folder;
      if (target !== folder && fs.existsSync(target)) {
        const detail = 'Folders are merged; files with the same names are overwritten.';
        const replace = await vscode.window.showWarningMessage(`${target} already exists. Replace it?`, { modal: true, detail }, 'Replace');
        if (replace !== 'Replace') return;
      }
      const copied = await withProgress(`Copying ${c.name}:${containerPath}…`, () => copyFromContainer(ctx.client, c.id, containerPath, folder));
      const skipped = copied.skipped.length ? ` Skipped ${copied.skipped.length} device or hard-link entries: ${copied.skipped.slice(0, 5).join(', ')}.` : '';
      const isFile = fs.lstatSync(target).isFile();
      void vscode.window.showInformationMessage(`Copied ${c.name}:${containerPath} to ${target}.${skipped}`, ...(isFile ? ['Open'] : [])).then((action) => {
        if (action === 'Open') void vscode.commands.executeCommand('vscode.open', vscode.Uri.file(target));
      });
    },
  },
  'shipshape.container.copyInto': {
    doing: 'copy files into',
    states: WITH_FILES,
    run: async (ctx, c) => {
      const title = `Files to copy into ${c.name}`;
      const picked = await vscode.window.showOpenDialog({ title, openLabel: 'Copy into Container', canSelectFiles: true, canSelectMany: true });
      const files = localPaths(picked ?? []);
      if (!files.length) return;
      const folder = await vscode.window.showInputBox({
        title: `Copy into ${c.name}`,
        prompt: 'Folder in the container to copy into (it must exist)',
        value: '/tmp',
        validateInput: (value) => containerPathProblem(value) && `The path cannot be used: ${containerPathProblem(value)}.`,
      });
      if (folder === undefined) return;
      await withProgress(`Copying into ${c.name}:${folder}…`, () => copyIntoContainer(ctx.client, c.id, files, folder));
      const what = files.length === 1 ? path.basename(files[0]!) : `${files.length} files`;
      void vscode.window.showInformationMessage(`Copied ${what} into ${c.name}:${folder}.`);
    },
  },
};

/** Where each command applies, for the test that holds package.json's menus to it. */
export const containerCommandOffers: Record<string, { states: readonly ContainerState[]; needsPublishedPort: boolean }> = Object.fromEntries(
  Object.entries(table).map(([id, c]) => [id, { states: c.states, needsPublishedPort: c.needsPublishedPort ?? false }]),
);

export const containerCommands: Record<string, CommandFactory> = {
  ...Object.fromEntries(Object.entries(table).map(([id, command]) => [id, containerCommand(command)])),
  'shipshape.container.refreshDocument': (ctx) => {
    const documents = ctx.containerDocuments;
    return async (resource?: unknown) => {
      const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
      if (uri?.scheme !== CONTAINER_DOCUMENT_SCHEME) return;
      try {
        await documents.load(uri);
      } catch (error) {
        const message = `Could not refresh ${uri.path.slice(1)}: ${daemonMessage(error)}`;
        ctx.output.error(message);
        void vscode.window.showErrorMessage(`Shipshape: ${message}`);
      }
    };
  },
};
