// Lab checks in VS Code's Testing view: pack → lab → step → check. Running a test item runs its
// step's checks; a failed check shows expected/actual as a diff; a continuous run watches the steps
// (daemon events re-run them) and reports every change.
import * as vscode from 'vscode';
import type { CheckResult } from '../../core/labs/check';
import { describeObservation, whyNot } from '../../core/labs/describe';
import type { Lab, Step } from '../../core/labs/pack';
import type { LabPacks, LoadedPack } from './packs';

/** What a run reported for one check item (the Testing view's result; VS Code gives extensions no API to read those back). */
export interface CheckReport {
  status: 'passed' | 'failed' | 'errored' | 'skipped';
  messages: readonly vscode.TestMessage[];
  /** true when a continuous run reported it on a daemon event, without a Check. */
  watching: boolean;
}

interface StepRef {
  entry: LoadedPack;
  lab: Lab;
  step: Step;
}

export class LabTests implements vscode.Disposable {
  readonly controller = vscode.tests.createTestController('shipshape.labs', 'Shipshape labs');
  private readonly steps = new Map<string, StepRef>();
  private readonly subscription: vscode.Disposable;
  /** The one run profile (Check; it supports continuous runs). */
  readonly profile: vscode.TestRunProfile;
  private readonly reported = new vscode.EventEmitter<{ id: string; report: CheckReport }>();
  /** Fires for every check item a run reports on. */
  readonly onDidReport = this.reported.event;
  /** The last report per check item id. */
  readonly lastReports = new Map<string, CheckReport>();

  constructor(private readonly packs: LabPacks) {
    this.subscription = packs.onDidChange(() => this.sync());
    this.profile = this.controller.createRunProfile('Check', vscode.TestRunProfileKind.Run, (request, token) => this.run(request, token), true, undefined, true);
    this.sync();
  }

  /** The test items mirror the loaded packs. */
  private sync(): void {
    const items: vscode.TestItem[] = [];
    this.steps.clear();
    for (const entry of this.packs.packs()) {
      if (!entry.pack) continue;
      const packItem = this.controller.createTestItem(entry.key, entry.title, vscode.Uri.file(entry.pack.manifestFile));
      for (const lab of entry.pack.labs) {
        const labItem = this.controller.createTestItem(`${entry.key}#${lab.id}`, lab.title, vscode.Uri.file(entry.pack.manifestFile));
        labItem.range = new vscode.Range(lab.at.line - 1, 0, lab.at.line - 1, 0);
        for (const step of lab.steps) {
          const id = `${entry.key}#${lab.id}/${step.id}`;
          this.steps.set(id, { entry, lab, step });
          const stepItem = this.controller.createTestItem(id, step.title, vscode.Uri.file(step.at.file));
          stepItem.range = new vscode.Range(step.at.line - 1, 0, step.at.line - 1, 0);
          step.checks.forEach((check, i) => {
            const checkItem = this.controller.createTestItem(`${id}/${i}`, check.name ?? `${check.kind} check ${i + 1}`, vscode.Uri.file(check.at.file));
            checkItem.range = new vscode.Range(check.at.line - 1, 0, check.at.line - 1, 0);
            stepItem.children.add(checkItem);
          });
          labItem.children.add(stepItem);
        }
        packItem.children.add(labItem);
      }
      items.push(packItem);
    }
    this.controller.items.replace(items);
  }

  /** The steps a request covers: a check or step item means its step, a lab or pack item all of theirs. */
  private stepsOf(request: vscode.TestRunRequest): { ref: StepRef; item: vscode.TestItem }[] {
    const chosen: vscode.TestItem[] = [];
    if (request.include) chosen.push(...request.include);
    else this.controller.items.forEach((i) => chosen.push(i));
    const found = new Map<string, { ref: StepRef; item: vscode.TestItem }>();
    const visit = (item: vscode.TestItem) => {
      if (request.exclude?.includes(item)) return;
      const ref = this.steps.get(item.id) ?? this.steps.get(item.id.replace(/\/\d+$/, ''));
      if (ref) {
        const stepItem = item.parent && this.steps.has(item.parent.id) ? item.parent : item;
        found.set(stepItem.id, { ref, item: stepItem });
      } else item.children.forEach(visit);
    };
    chosen.forEach(visit);
    return [...found.values()];
  }

  private async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    const targets = this.stepsOf(request);
    const once = this.controller.createTestRun(request, 'Shipshape labs check');
    for (const { ref, item } of targets) {
      if (token.isCancellationRequested) break;
      item.children.forEach((c) => once.started(c));
      try {
        const state = await ref.entry.runner!.check(ref.lab.id, ref.step.id, { ignoreNeeds: true });
        this.report(once, item, state.results, false);
      } catch (error) {
        item.children.forEach((c) => once.errored(c, new vscode.TestMessage((error as Error).message)));
      }
    }
    once.end();
    if (!request.continuous) return;
    // Continuous: the steps are watched; each change the daemon's events cause is reported as a run.
    const subs: vscode.Disposable[] = [];
    for (const { ref, item } of targets) {
      const runner = ref.entry.runner!;
      ref.entry.watch(request, ref.lab.id, ref.step.id, true);
      subs.push(
        runner.onDidChange((change) => {
          if (change.kind !== 'step' || change.lab !== ref.lab.id || change.step !== ref.step.id) return;
          const run = this.controller.createTestRun(request, 'Shipshape labs (watching)', false);
          this.report(run, item, runner.state(ref.lab.id, ref.step.id).results, true);
          run.end();
        }),
        { dispose: () => ref.entry.unwatch(request, ref.lab.id, ref.step.id) },
      );
    }
    await new Promise<void>((resolve) => token.onCancellationRequested(() => resolve()));
    for (const s of subs) s.dispose();
  }

  private report(run: vscode.TestRun, stepItem: vscode.TestItem, results: readonly (CheckResult | undefined)[], watching: boolean): void {
    stepItem.children.forEach((checkItem) => {
      const record = (status: CheckReport['status'], messages: vscode.TestMessage[] = []) => {
        const report = { status, messages, watching };
        this.lastReports.set(checkItem.id, report);
        this.reported.fire({ id: checkItem.id, report });
      };
      const r = results[Number(checkItem.id.slice(checkItem.id.lastIndexOf('/') + 1))];
      if (!r) return (run.skipped(checkItem), record('skipped'));
      if (r.status === 'passed') return (run.passed(checkItem, r.ms), record('passed'));
      if (r.status === 'errored') {
        const message = new vscode.TestMessage(whyNot(r)!);
        return (run.errored(checkItem, message, r.ms), record('errored', [message]));
      }
      const diffs = r.observations
        .filter((o) => !o.ok)
        .map((o) => vscode.TestMessage.diff(describeObservation(o), o.expected, o.actual));
      const messages = diffs.length ? diffs : [new vscode.TestMessage(whyNot(r) ?? 'failed')];
      run.failed(checkItem, messages, r.ms);
      record('failed', messages);
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.reported.dispose();
    this.controller.dispose();
  }
}
