// Activation: build the context, register the command table and the views. Nothing touches the
// daemon until the Containers view is visible or a command asks.
import * as vscode from 'vscode';
import { affectsDaemon } from './config';
import { LintCodeActions, LintHover, RULE_SCHEME, RuleDocuments } from './lint/actions';
import { registerCommands } from './commands';
import { ShipshapeContext } from './context';
import { DockerNode, DockerTreeProvider } from './containers/tree';
import { DaemonStatusItem } from './containers/status';
import { containerDetailsModel } from './containers/details';
import { CONTAINER_DOCUMENT_SCHEME } from './containers/documents';
import { REPORT_SCHEME } from './layers/analyse';
import { LayerHover, LayerLenses } from './layers/lenses';

/** What activate() returns: the live objects, so extension-host tests can assert on them. */
export interface ShipshapeApi {
  context: ShipshapeContext;
  containersView: DockerTreeProvider;
  /** The view drawing it (tests reveal and expand nodes through it, as a person would). */
  containersTree: vscode.TreeView<DockerNode>;
  /** The status bar item, once the Containers view has been shown. */
  statusItem(): DaemonStatusItem | undefined;
}

export function activate(extension: vscode.ExtensionContext): ShipshapeApi {
  const ctx = new ShipshapeContext(extension);
  const layerLenses = new LayerLenses(ctx.layers);
  const details = containerDetailsModel(() => ctx.client);
  const containersView = new DockerTreeProvider(ctx.docker, details);
  const containersTree = vscode.window.createTreeView('shipshape.containers', { treeDataProvider: containersView, showCollapseAll: false });
  const labsTree = vscode.window.createTreeView('shipshape.labs', { treeDataProvider: ctx.labs.tree, showCollapseAll: true });
  // The model connects (one event stream) the first time the view is shown, and then stays live.
  let statusItem: DaemonStatusItem | undefined;
  const loadWhenVisible = () => {
    details.setActive(containersTree.visible);
    if (!containersTree.visible) return;
    void ctx.docker.start();
    statusItem ??= new DaemonStatusItem(ctx.docker, () => ctx.endpoint);
  };
  extension.subscriptions.push(
    ctx,
    containersView,
    containersTree,
    containersTree.onDidChangeVisibility(loadWhenVisible),
    details,
    // Live usage only for expanded Resources sections (one-shot stats while visible).
    containersTree.onDidExpandElement((e) => e.element.kind === 'section' && e.element.section === 'resources' && details.watch(e.element.containerId, true)),
    containersTree.onDidCollapseElement((e) => e.element.kind === 'section' && e.element.section === 'resources' && details.watch(e.element.containerId, false)),
    labsTree,
    labsTree.onDidChangeVisibility((e) => e.visible && void ctx.labs.packs.start()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsDaemon(e)) {
        void ctx.reconnect().then(() => {
          // A setting just changed by hand (or by Switch Docker Context): say at once when it cannot work.
          const problem = ctx.endpoints.current.error;
          if (problem) void vscode.window.showErrorMessage(`Shipshape: ${problem.message}; ${problem.hint}`);
        });
      }
      if (e.affectsConfiguration('shipshape.containers.groupBy')) containersView.refresh();
    }),
    vscode.languages.registerCodeActionsProvider({ language: 'dockerfile' }, new LintCodeActions(ctx.linting), { providedCodeActionKinds: LintCodeActions.kinds }),
    vscode.languages.registerHoverProvider({ language: 'dockerfile' }, new LintHover(ctx.linting)),
    vscode.workspace.registerTextDocumentContentProvider(RULE_SCHEME, new RuleDocuments(ctx.linting)),
    // Registered at activation so inspect/top/stats documents restored after a reload can be read.
    vscode.workspace.registerTextDocumentContentProvider(CONTAINER_DOCUMENT_SCHEME, ctx.containerDocuments),
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, ctx.layerReports),
    layerLenses,
    vscode.languages.registerCodeLensProvider({ language: 'dockerfile', scheme: 'file' }, layerLenses),
    vscode.languages.registerHoverProvider({ language: 'dockerfile', scheme: 'file' }, new LayerHover(ctx.layers)),
    ...registerCommands(ctx),
    { dispose: () => statusItem?.dispose() },
  );
  loadWhenVisible();
  return { context: ctx, containersView, containersTree, statusItem: () => statusItem };
}

export function deactivate(): void {
  // Everything is disposed through extension.subscriptions.
}
