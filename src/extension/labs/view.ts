// The Labs view: packs → labs → steps, with each step's status, the points earned of those
// available, and which step is next. It draws what the labs controller holds and redraws on its
// change events; it never loads or checks anything itself.
import * as vscode from 'vscode';
import type { Lab, Pack, PackProblem, Step } from '../../core/labs/pack';
import type { StepStatusKind } from './panel-html';

export type PackOrigin = 'built-in' | 'workspace' | 'opened';

/** One pack as the view shows it, loaded or not. */
export interface PackEntry {
  key: string;
  origin: PackOrigin;
  /** Where it was loaded from (folder or archive). */
  location: string;
  title: string;
  pack: Pack | undefined;
  problems: readonly PackProblem[];
  /** What preflight found unmet, and what is held back (untrusted workspace), in words. */
  notes: string[];
  status(lab: Lab, step: Step): StepStatusKind;
  points(lab?: Lab, step?: Step): { earned: number; available: number };
  next(): { lab: Lab; step: Step } | undefined;
}

export interface LabsSource {
  packs(): readonly PackEntry[];
  readonly onDidChange: vscode.Event<void>;
}

export type LabsNode =
  | { kind: 'pack'; entry: PackEntry }
  | { kind: 'note'; entry: PackEntry; text: string; problem?: PackProblem }
  | { kind: 'lab'; entry: PackEntry; lab: Lab }
  | { kind: 'step'; entry: PackEntry; lab: Lab; step: Step };

const STEP_ICON: Record<StepStatusKind, [string, string | undefined, string]> = {
  locked: ['lock', 'disabledForeground', 'locked: do the steps it needs first'],
  ready: ['circle-large-outline', undefined, 'not passed yet'],
  passed: ['pass-filled', 'testing.iconPassed', 'passed'],
  solved: ['pass', 'testing.iconSkipped', 'solved with the solution (no points)'],
  failed: ['error', 'testing.iconFailed', 'failed'],
  errored: ['warning', 'list.warningForeground', 'could not be checked'],
};

const ORIGIN_TEXT: Record<PackOrigin, string> = { 'built-in': 'built-in', workspace: 'in this workspace', opened: 'opened' };

const pointsText = (p: { earned: number; available: number }) => `${p.earned}/${p.available} points`;

export class LabsTreeProvider implements vscode.TreeDataProvider<LabsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<LabsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly source: LabsSource) {
    this.subscription = source.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(node?: LabsNode): LabsNode[] {
    if (!node) return this.source.packs().map((entry) => ({ kind: 'pack', entry }));
    if (node.kind === 'pack') {
      const { entry } = node;
      const notes: LabsNode[] = [
        ...entry.problems.map((problem): LabsNode => ({ kind: 'note', entry, text: problem.message, problem })),
        ...entry.notes.map((text): LabsNode => ({ kind: 'note', entry, text })),
      ];
      return [...notes, ...(entry.pack?.labs ?? []).map((lab): LabsNode => ({ kind: 'lab', entry, lab }))];
    }
    if (node.kind === 'lab') return node.lab.steps.map((step): LabsNode => ({ kind: 'step', entry: node.entry, lab: node.lab, step }));
    return [];
  }

  getTreeItem(node: LabsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'pack': {
        const { entry } = node;
        const item = new vscode.TreeItem(entry.title, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `pack:${entry.key}`;
        const broken = entry.problems.some((p) => p.severity === 'error');
        item.description = broken
          ? `${entry.problems.length} problem${entry.problems.length === 1 ? '' : 's'}`
          : `${pointsText(entry.points())} · ${entry.pack ? `v${entry.pack.version} · ` : ''}${ORIGIN_TEXT[entry.origin]}`;
        item.tooltip = `${entry.title}\n${entry.location}${entry.pack ? `\n\n${entry.pack.description}` : ''}`;
        item.iconPath = new vscode.ThemeIcon(broken ? 'error' : 'mortar-board', broken ? new vscode.ThemeColor('errorForeground') : undefined);
        item.contextValue = `pack.${entry.origin}`;
        return item;
      }
      case 'note': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        const p = node.problem;
        item.id = `note:${node.entry.key}:${p ? `${p.file}:${p.line}:${p.column}:` : ''}${node.text}`;
        if (p) {
          item.description = `${p.file.split(/[\\/]/).pop()}:${p.line}:${p.column}`;
          item.tooltip = `${p.file}:${p.line}:${p.column}: ${p.message}${p.hint ? `\nhint: ${p.hint}` : ''}`;
          item.command = { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.file(p.file), { selection: new vscode.Range(p.line - 1, p.column - 1, p.line - 1, p.column - 1) }] };
        }
        item.iconPath = new vscode.ThemeIcon(p?.severity === 'error' ? 'error' : 'info', p?.severity === 'error' ? new vscode.ThemeColor('errorForeground') : undefined);
        return item;
      }
      case 'lab': {
        const item = new vscode.TreeItem(node.lab.title, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `lab:${node.entry.key}/${node.lab.id}`;
        const next = node.entry.next();
        if (next?.lab === node.lab) item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
        const statuses = node.lab.steps.map((s) => node.entry.status(node.lab, s));
        const done = statuses.filter((s) => s === 'passed' || s === 'solved').length;
        item.description = `${done}/${node.lab.steps.length} steps · ${pointsText(node.entry.points(node.lab))}`;
        item.iconPath = new vscode.ThemeIcon(done === statuses.length ? 'pass-filled' : 'beaker', done === statuses.length ? new vscode.ThemeColor('testing.iconPassed') : undefined);
        item.contextValue = 'lab';
        return item;
      }
      case 'step': {
        const status = node.entry.status(node.lab, node.step);
        const [icon, color, words] = STEP_ICON[status];
        const item = new vscode.TreeItem(node.step.title, vscode.TreeItemCollapsibleState.None);
        item.id = `step:${node.entry.key}/${node.lab.id}/${node.step.id}`;
        const next = node.entry.next();
        const isNext = next?.lab === node.lab && next.step === node.step;
        item.description = `${isNext ? 'next · ' : ''}${pointsText(node.entry.points(node.lab, node.step))}`;
        item.tooltip = `${node.step.title}: ${words}${node.step.needs.length ? `\nneeds: ${node.step.needs.join(', ')}` : ''}`;
        item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
        item.contextValue = `step.${status}`;
        item.command = { title: 'Open Step', command: 'shipshape.labs.openStep', arguments: [node] };
        return item;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
