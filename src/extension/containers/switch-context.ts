// "Shipshape: Switch Docker Context…": a quick pick of Docker's own contexts (default plus
// <config dir>/contexts/meta/*/meta.json), each with its endpoint, the current one marked. Choosing one
// sets shipshape.docker.context (in the workspace when one is open, else for the user); "Follow Docker"
// clears it, so `docker context use` decides again. With a context name as argument it picks that one.
import * as vscode from 'vscode';
import { ContextPickItem, contextPickItems } from '../../docker/contexts';
import type { CommandFactory } from '../context';
import { readConfig } from '../config';

type PickItem = vscode.QuickPickItem & { context?: string; follow?: true; usable?: boolean };

const FOLLOW: PickItem = {
  label: '$(sync) Follow Docker',
  description: 'clear shipshape.docker.context',
  detail: 'Use the context `docker context use` chose (config.json), DOCKER_CONTEXT or DOCKER_HOST',
  follow: true,
};

/** A quick pick that opens on the current context, so Enter keeps it. */
function pick(items: PickItem[], active: number, placeholder: string, onShown: (title: string) => void): Promise<PickItem | undefined> {
  const quickPick = vscode.window.createQuickPick<PickItem>();
  quickPick.title = 'Switch Docker Context';
  quickPick.placeholder = placeholder;
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.items = items;
  if (active >= 0) quickPick.activeItems = [items[active]!];
  return new Promise((resolve) => {
    let chosen: PickItem | undefined;
    quickPick.onDidAccept(() => {
      chosen = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(chosen);
    });
    quickPick.show();
    onShown(quickPick.title ?? '');
  });
}

export const switchContext: CommandFactory = (ctx) => async (name?: unknown) => {
  const config = readConfig();
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const settings = vscode.workspace.getConfiguration('shipshape');
  let chosen: string | undefined;
  let follow = false;
  if (typeof name === 'string' && name) {
    chosen = name;
  } else {
    const { items, note } = contextPickItems({ host: config.dockerHost, context: config.dockerContext });
    const pickItems: PickItem[] = [
      ...items.map((i: ContextPickItem): PickItem => ({ label: i.label, description: i.description, detail: i.detail, context: i.context, usable: i.usable })),
      ...(config.dockerContext ? [{ label: '', kind: vscode.QuickPickItemKind.Separator } as PickItem, FOLLOW] : []),
    ];
    const picked = await pick(pickItems, items.findIndex((i) => i.current), note ?? 'The daemon for the Containers view (shipshape.docker.context)', (title) => ctx.quickPickShown.fire(title));
    if (!picked) return undefined;
    if (picked.follow) follow = true;
    else if (picked.usable === false) {
      void vscode.window.showErrorMessage(`Shipshape: the context cannot be used: ${picked.detail?.replace(/^\$\(warning\) /, '')}`);
      return undefined;
    } else chosen = picked.context;
  }
  if (follow) {
    const inspected = settings.inspect<string>('docker.context');
    if (inspected?.workspaceValue !== undefined) await settings.update('docker.context', undefined, vscode.ConfigurationTarget.Workspace);
    if (inspected?.globalValue !== undefined) await settings.update('docker.context', undefined, vscode.ConfigurationTarget.Global);
  } else if (chosen) {
    await settings.update('docker.context', chosen, target);
  }
  ctx.output.info(follow ? 'Docker context: following Docker (setting cleared)' : `Docker context: ${chosen} (shipshape.docker.context, ${target === vscode.ConfigurationTarget.Workspace ? 'workspace' : 'user'} setting)`);
  // The host setting comes before any context: say so, and offer to clear it.
  if (config.dockerHost) {
    const clear = 'Clear shipshape.docker.host';
    void vscode.window
      .showWarningMessage(`Shipshape: the shipshape.docker.host setting (${config.dockerHost}) takes precedence over Docker contexts, so the daemon does not change.`, clear)
      .then(async (answer) => {
        if (answer !== clear) return;
        const inspected = settings.inspect<string>('docker.host');
        if (inspected?.workspaceValue !== undefined) await settings.update('docker.host', undefined, vscode.ConfigurationTarget.Workspace);
        if (inspected?.globalValue !== undefined) await settings.update('docker.host', undefined, vscode.ConfigurationTarget.Global);
      });
  }
  return follow ? null : chosen;
};
