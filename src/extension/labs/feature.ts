// The labs in the editor: the packs, the Labs view, the step panel and the Testing view's items,
// and which step is open (watched: daemon events re-run its checks; polled kinds only while visible).
import path from 'node:path';
import * as vscode from 'vscode';
import type { Lab, Step } from '../../core/labs/pack';
import { endpointEnv } from '../../process/actions';
import type { LabsHost } from './host';
import { StepPanel } from './panel';
import { LabPacks, type LoadedPack } from './packs';
import { StepHost } from './steps';
import { LabTests } from './testing';
import { LabsTreeProvider, type LabsNode } from './view';

export class Labs implements vscode.Disposable {
  readonly packs: LabPacks;
  readonly tree: LabsTreeProvider;
  readonly panel: StepPanel;
  readonly tests: LabTests;
  private open: StepHost | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly ctx: LabsHost) {
    const root = ctx.extension.extensionUri;
    this.packs = new LabPacks(ctx, path.join(root.fsPath, 'labs'));
    this.tree = new LabsTreeProvider(this.packs);
    this.panel = new StepPanel(vscode.Uri.joinPath(root, 'media'), () => endpointEnv(ctx.endpoint, {}) as Record<string, string>);
    this.tests = new LabTests(this.packs);
    this.subscriptions.push(
      this.tree,
      this.panel,
      this.tests,
      this.packs,
      this.panel.onDidChangeVisibleStep((visible) => this.watchOpen(visible !== undefined)),
      // A reload replaces the pack's runner: re-open the same step on the new one.
      this.packs.onDidChange(() => this.reopen()),
    );
  }

  /** Opens a step in the panel and watches it (its event-driven checks re-run on the daemon's events). */
  openStep(entry: LoadedPack, lab: Lab, step: Step): StepHost {
    this.unwatchOpen();
    this.open = new StepHost(this.ctx, entry, lab, step);
    entry.watch(this, lab.id, step.id, true);
    this.panel.show(this.open);
    return this.open;
  }

  get openStepHost(): StepHost | undefined {
    return this.open;
  }

  private watchOpen(visible: boolean): void {
    const open = this.open;
    if (!open) return;
    // Kinds events cannot cover (http, exec, file, quiz, script) are polled only while the panel is visible.
    open.entry.watch(this, open.lab.id, open.step.id, visible);
  }

  private unwatchOpen(): void {
    const open = this.open;
    if (open) open.entry.unwatch(this, open.lab.id, open.step.id);
  }

  private reopen(): void {
    const open = this.open;
    if (!open) return;
    const entry = this.packs.find(open.entry.key);
    if (!entry || entry === open.entry) return;
    const lab = entry.pack?.labs.find((l) => l.id === open.lab.id);
    const step = lab?.steps.find((s) => s.id === open.step.id);
    if (lab && step && this.panel.visibleStep) this.openStep(entry, lab, step);
  }

  /** A tree node (or a {pack, lab, step} key from a test or a link) → the step it names. */
  resolve(arg: unknown): { entry: LoadedPack; lab: Lab; step: Step } | undefined {
    const node = arg as Partial<Extract<LabsNode, { kind: 'step' }>> & { pack?: string; labId?: string; stepId?: string };
    if (node?.kind === 'step' && node.entry && node.lab && node.step) {
      const entry = this.packs.find(node.entry.key);
      return entry ? { entry, lab: node.lab, step: node.step } : undefined;
    }
    if (typeof node?.pack === 'string') {
      const entry = this.packs.find(node.pack);
      const lab = entry?.pack?.labs.find((l) => l.id === node.labId);
      const step = lab?.steps.find((s) => s.id === node.stepId);
      return entry && lab && step ? { entry, lab, step } : undefined;
    }
    const next = this.packs.packs().map((e) => ({ entry: e, n: e.next() })).find((x) => x.n);
    return next ? { entry: next.entry, ...next.n! } : undefined;
  }

  dispose(): void {
    this.unwatchOpen();
    for (const s of this.subscriptions) s.dispose();
  }
}
