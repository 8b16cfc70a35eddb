// The packs the editor knows: built-in (the extension's labs/), the workspace's (any
// shipshape-pack.yaml, reloaded when its files are saved) and those opened from a folder or an
// archive. Each loaded pack gets a LabRunner with progress in the extension's global storage and
// the Docker model's events; problems go to the Problems panel and to the view.
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { formatProblem, loadPack } from '../../core/labs/load';
import type { Lab, Pack, PackProblem, Step } from '../../core/labs/pack';
import { LabRunner } from '../../core/labs/runner';
import { preflight, type PreflightItem } from '../../core/labs/preflight';
import { daemonMessage } from '../../docker/errors';
import { imageReadiness, prepareImages } from '../../docker/lab-images';
import { daemonFacts } from '../../docker/lab-preflight';
import { daemonForLabs } from '../../docker/labs';
import { labEventsOf } from '../../docker/lab-events';
import { createCheckContext } from '../../process/lab-io';
import { FileProgressStore } from '../../process/progress-file';
import { readConfig } from '../config';
import type { LabsHost } from './host';
import type { LabsSource, PackEntry, PackOrigin } from './view';

export const MANIFEST = 'shipshape-pack.yaml';

export interface LoadedPack extends PackEntry {
  runner: LabRunner | undefined;
  /**
   * Watch a step on behalf of `owner` (the open step panel, a continuous test run): the runner
   * watches it while anyone does, polling when any owner asks, so one owner letting go never
   * stops another's watch.
   */
  watch(owner: object, labId: string, stepId: string, poll: boolean): void;
  unwatch(owner: object, labId: string, stepId: string): void;
}

/** Who watches which step of one runner, and with polling or not. */
function watchClaims(runner: LabRunner | undefined): Pick<LoadedPack, 'watch' | 'unwatch'> {
  const claims = new Map<string, Map<object, boolean>>();
  const apply = (labId: string, stepId: string) => {
    const owners = claims.get(`${labId}/${stepId}`);
    if (!owners?.size) return runner?.unwatch(labId, stepId);
    runner?.watch(labId, stepId, { poll: [...owners.values()].some(Boolean) });
  };
  return {
    watch(owner, labId, stepId, poll) {
      const key = `${labId}/${stepId}`;
      const owners = claims.get(key) ?? new Map<object, boolean>();
      owners.set(owner, poll);
      claims.set(key, owners);
      apply(labId, stepId);
    },
    unwatch(owner, labId, stepId) {
      if (claims.get(`${labId}/${stepId}`)?.delete(owner)) apply(labId, stepId);
    },
  };
}

/** The key a pack is known by in the view and in trust: its location, since two copies of one id can be open. */
const keyOf = (origin: PackOrigin, location: string) => `${origin}:${location}`;

export class LabPacks implements LabsSource, vscode.Disposable {
  private readonly entries = new Map<string, LoadedPack>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('shipshape-labs');
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly store: FileProgressStore;
  private readonly reloads = new Map<string, NodeJS.Timeout>();
  private loading: Promise<void> | undefined;
  /** Image preparations already offered this session (see preflight). */
  private readonly offered = new Set<string>();

  constructor(
    private readonly ctx: LabsHost,
    private readonly builtInRoot: string,
  ) {
    this.store = new FileProgressStore(path.join(ctx.extension.globalStorageUri.fsPath, 'progress'));
    this.subscriptions.push(this.diagnostics, this.changed);
  }

  private listening = false;

  /** Follows the workspace's files and edits once a pack has been loaded: nothing at activation. */
  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const touched = (uri: vscode.Uri) => this.touched(uri);
    this.subscriptions.push(
      watcher,
      watcher.onDidChange(touched),
      watcher.onDidCreate(touched),
      watcher.onDidDelete(touched),
      vscode.workspace.onDidChangeTextDocument((e) => this.typed(e.document)),
    );
  }

  packs(): readonly LoadedPack[] {
    return [...this.entries.values()];
  }

  /** Loads the built-in and workspace packs once; later calls wait for the same load. */
  start(): Promise<void> {
    this.loading ??= this.loadAll();
    return this.loading;
  }

  private async loadAll(): Promise<void> {
    const builtIn = fs.existsSync(this.builtInRoot)
      ? fs
          .readdirSync(this.builtInRoot, { withFileTypes: true })
          .filter((d) => d.isDirectory() && fs.existsSync(path.join(this.builtInRoot, d.name, MANIFEST)))
          .map((d) => path.join(this.builtInRoot, d.name))
      : [];
    const found = (await vscode.workspace.findFiles(`**/${MANIFEST}`, '**/{node_modules,.git}/**', 50)).map((uri) => path.dirname(uri.fsPath));
    // shipshape.labs.packs: packs kept outside the workspace, followed like the workspace's own.
    const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
    const listed = readConfig().labs.packs.map((p) => path.resolve(base, p));
    const workspace = [...new Set([...found, ...listed])];
    // A listed pack outside the workspace is watched on its own (the workspace watcher does not see it).
    for (const dir of listed) this.watchFolder(dir);
    await Promise.all([...builtIn.map((dir) => this.load('built-in', dir)), ...workspace.map((dir) => this.load('workspace', dir))]);
  }

  /** Loads (or reloads) one pack; a reload keeps the progress of the steps that still exist. */
  async load(origin: PackOrigin, location: string): Promise<LoadedPack> {
    this.listen();
    location = path.resolve(location);
    // One runner per pack folder: opening a pack the view already lists reloads that entry, rather
    // than a second runner writing the same progress file (each would overwrite the other's steps).
    const listed = [...this.entries.values()].find((e) => e.location === location);
    if (listed) origin = listed.origin;
    const key = keyOf(origin, location);
    const previous = this.entries.get(key);
    if (previous?.runner) {
      await previous.runner.flush();
      previous.runner.dispose();
    }
    const unpackDir = /\.(zip|tgz|tar\.gz)$/i.test(location) ? path.join(this.ctx.extension.globalStorageUri.fsPath, 'unpacked', Buffer.from(location).toString('base64url').slice(-48)) : undefined;
    if (unpackDir) fs.rmSync(unpackDir, { recursive: true, force: true });
    const { pack, problems } = await loadPack(location, unpackDir ? { unpackDir } : {});
    this.showProblems(key, location, problems);
    const runner = pack ? await this.runnerFor(pack) : undefined;
    const entry = this.entryFor(key, origin, location, pack, problems, runner);
    this.entries.set(key, entry);
    if (pack) void this.preflight(entry, pack);
    runner?.onDidChange((change) => {
      if (change.kind === 'save-failed') void vscode.window.showErrorMessage(`Shipshape: ${change.message}`);
      this.changed.fire();
    });
    if (runner?.recovered) void vscode.window.showWarningMessage(`Shipshape: ${runner.recovered}`);
    this.changed.fire();
    return entry;
  }

  private async runnerFor(pack: Pack): Promise<LabRunner> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const daemon = daemonForLabs(() => this.ctx.client);
    const environment = createCheckContext({
      daemon,
      packRoot: pack.root,
      workspace: folder,
      checkId: '',
      wasmDir: __dirname, // the bundle's folder: the linter's WebAssembly sits beside it
      ...(this.ctx.endpoint ? { dockerHost: this.ctx.endpoint.host } : {}),
    });
    // The runner is event-driven through the one Docker model: start it (it stays live).
    void this.ctx.docker.start();
    return LabRunner.open({ pack, environment, trusted: () => vscode.workspace.isTrusted, store: this.store, events: labEventsOf(this.ctx.docker) });
  }

  private entryFor(key: string, origin: PackOrigin, location: string, pack: Pack | undefined, problems: readonly PackProblem[], runner: LabRunner | undefined): LoadedPack {
    const notes: string[] = [];
    if (pack && !vscode.workspace.isTrusted)
      notes.push('Restricted Mode: checks run read-only; setup, solve, cleanup and script checks are held back until you trust this workspace');
    if (runner?.recovered) notes.push(runner.recovered);
    return {
      key,
      origin,
      location,
      title: pack?.title ?? path.basename(location),
      pack,
      problems,
      notes,
      runner,
      ...watchClaims(runner),
      status: (lab: Lab, step: Step) => runner?.state(lab.id, step.id).status ?? 'locked',
      points: (lab?: Lab, step?: Step) => runner?.points(lab?.id, step?.id) ?? { earned: 0, available: 0 },
      next: () => {
        const n = runner?.next();
        const lab = n && pack?.labs.find((l) => l.id === n.lab);
        const step = lab?.steps.find((s) => s.id === n!.step);
        return lab && step ? { lab, step } : undefined;
      },
    };
  }

  /** The pack's requirements against the daemon, shown as notes under the pack; missing images offered to be prepared. */
  private async preflight(entry: LoadedPack, pack: Pack): Promise<void> {
    let items: PreflightItem[];
    let missing: string[];
    try {
      const client = this.ctx.client;
      missing = (await imageReadiness(client, pack)).filter((r) => !r.present).map((r) => r.reference);
      items = preflight(pack, await daemonFacts(client), missing);
    } catch (error) {
      entry.notes.push(`Docker is not reachable, so nothing can be checked yet: ${daemonMessage(error)}`);
      this.changed.fire();
      return;
    }
    entry.notes.push(...items.filter((i) => !i.ok).map((i) => `${i.what}: ${i.detail}`));
    this.ctx.output.info(`lab pack ${pack.id}: ${items.map((i) => `${i.ok ? '✓' : '✗'} ${i.what}: ${i.detail}`).join('; ')}`);
    this.changed.fire();
    // Offered once per pack and missing set: a workspace pack reloads on every save, and must not ask each time.
    const offer = `${entry.key}:${missing.join(',')}`;
    if (missing.length && !this.offered.has(offer)) {
      this.offered.add(offer);
      const choice = await vscode.window.showInformationMessage(`The lab pack "${pack.title}" needs ${missing.length} image${missing.length === 1 ? '' : 's'} the daemon does not have: ${missing.join(', ')}.`, 'Prepare Images');
      if (choice === 'Prepare Images') await this.prepare(entry, pack);
    }
  }

  /** Builds (from the pack) or pulls the pack's images, with progress in a notification. */
  async prepare(entry: LoadedPack, pack: Pack): Promise<void> {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Preparing the images of ${pack.title}`, cancellable: false }, async (progress) => {
      try {
        await prepareImages(this.ctx.client, pack, { onLine: (line) => (progress.report({ message: line.slice(0, 120) }), this.ctx.output.info(line)) });
        const i = entry.notes.findIndex((n) => n.startsWith('images: '));
        if (i >= 0) entry.notes.splice(i, 1);
        this.changed.fire();
      } catch (error) {
        void vscode.window.showErrorMessage(`Shipshape: ${daemonMessage(error)}`);
      }
    });
  }

  private showProblems(key: string, location: string, problems: readonly PackProblem[]): void {
    // Forget this pack's old diagnostics (files it no longer has a problem in included).
    this.diagnostics.forEach((uri) => {
      if (uri.fsPath.startsWith(location + path.sep) || uri.fsPath === location) this.diagnostics.delete(uri);
    });
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const p of problems) {
      const at = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
      const d = new vscode.Diagnostic(new vscode.Range(at, at.translate(0, 1)), p.hint ? `${p.message}\nhint: ${p.hint}` : p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      d.source = 'shipshape labs';
      const list = byFile.get(p.file) ?? [];
      list.push(d);
      byFile.set(p.file, list);
    }
    for (const [file, list] of byFile) this.diagnostics.set(vscode.Uri.file(file), list);
    if (problems.length) this.ctx.output.warn(`lab pack ${key}:\n${problems.map(formatProblem).join('\n')}`);
  }

  private watchFolder(dir: string): void {
    const inWorkspace = vscode.workspace.workspaceFolders?.some((f) => !path.relative(f.uri.fsPath, dir).startsWith('..'));
    if (inWorkspace || !fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), '**/*'));
    const touched = (uri: vscode.Uri) => this.touched(uri);
    this.subscriptions.push(watcher, watcher.onDidChange(touched), watcher.onDidCreate(touched), watcher.onDidDelete(touched));
  }

  /** A saved file inside a workspace pack reloads that pack (debounced: a save of many files is one reload). */
  private touched(uri: vscode.Uri): void {
    for (const entry of this.entries.values()) {
      if (entry.origin !== 'workspace' || !uri.fsPath.startsWith(entry.location + path.sep)) continue;
      clearTimeout(this.reloads.get(entry.key));
      this.reloads.set(entry.key, setTimeout(() => void this.load('workspace', entry.location), 200));
    }
    if (path.basename(uri.fsPath) === MANIFEST && ![...this.entries.values()].some((e) => uri.fsPath.startsWith(e.location + path.sep)))
      void this.load('workspace', path.dirname(uri.fsPath));
  }

  /** An edited, unsaved manifest of a known pack: its problems are shown as you type (the pack reloads on save). */
  private typed(document: vscode.TextDocument): void {
    if (path.basename(document.uri.fsPath) !== MANIFEST) return;
    const entry = [...this.entries.values()].find((e) => e.origin === 'workspace' && path.join(e.location, MANIFEST) === document.uri.fsPath);
    if (!entry) return;
    const key = `typed:${entry.key}`;
    clearTimeout(this.reloads.get(key));
    this.reloads.set(
      key,
      setTimeout(() => {
        void loadPack(entry.location, { manifestText: document.getText() }).then(({ problems }) => this.showProblems(entry.key, entry.location, problems));
      }, 300),
    );
  }

  find(key: string): LoadedPack | undefined {
    return this.entries.get(key);
  }

  dispose(): void {
    for (const t of this.reloads.values()) clearTimeout(t);
    for (const e of this.entries.values()) e.runner?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
