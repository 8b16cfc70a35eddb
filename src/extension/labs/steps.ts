// One step as the step panel shows it, and what its buttons do: Check runs its checks, Hint shows
// the next tier, Solve runs the pack's solution (after the student has seen the commands, in a
// trusted workspace only) and marks the step solved-by-solution, Reset runs its cleanup and forgets it.
import * as vscode from 'vscode';
import { actionSummary, describeAction } from '../../core/labs/actions';
import { formatAgo } from '../../core/internals/format';
import { describeObservation, whyNot } from '../../core/labs/describe';
import type { Action, Lab, Step } from '../../core/labs/pack';
import { CHECK_KIND_BY_NAME } from '../../core/labs/checks';
import { checkName } from '../../core/labs/evaluate';
import { LockedStepError } from '../../core/labs/runner';
import { ProcessActionRunner } from '../../process/actions';
import type { LabsHost } from './host';
import type { StepPanelAction, StepPanelHost } from './panel';
import type { StepPanelContent } from './panel-html';
import type { LoadedPack } from './packs';
import { confirmCommands } from './trust';

const ago = (iso: string) => formatAgo(new Date(iso));

export class StepHost implements StepPanelHost {
  readonly key: string;
  private readonly changed = new vscode.EventEmitter<void>();
  /** A Check is running (its checks may wait up to their timeout for the state to hold). */
  private checking = false;

  constructor(
    private readonly ctx: LabsHost,
    readonly entry: LoadedPack,
    readonly lab: Lab,
    readonly step: Step,
  ) {
    this.key = `${entry.key}#${lab.id}/${step.id}`;
  }

  private get runner() {
    const runner = this.entry.runner;
    if (!runner) throw new Error(`${this.entry.title} did not load: see its problems in the Labs view`);
    return runner;
  }

  onDidChange(listener: () => void): vscode.Disposable {
    const runner = this.entry.runner;
    const sub = runner?.onDidChange((change) => {
      if (change.kind !== 'step' || (change.lab === this.lab.id && change.step === this.step.id)) listener();
    });
    const own = this.changed.event(listener);
    return { dispose: () => (sub?.dispose(), own.dispose()) };
  }

  content(): StepPanelContent {
    const runner = this.runner;
    const state = runner.state(this.lab.id, this.step.id);
    const statusText = this.checking
      ? 'checking… (a check waits up to its timeout for the daemon to get there)'
      : state.unpassed
      ? `un-passed ${ago(state.unpassed.at)}: ${state.unpassed.reason}`
      : state.status === 'locked'
        ? `do ${this.step.needs.join(', ')} first`
        : state.checkedAt
          ? `checked ${ago(state.checkedAt)}`
          : 'not checked yet';
    const held = !vscode.workspace.isTrusted ? 'Solve runs the pack\'s commands only in a trusted workspace (Restricted Mode holds them back)' : !this.step.solve ? 'this step has no solution to run' : undefined;
    return {
      packTitle: this.entry.title,
      labTitle: this.lab.title,
      title: this.step.title,
      body: this.step.body,
      status: state.status,
      statusText,
      points: runner.points(this.lab.id, this.step.id),
      results: this.step.checks.map((spec, i) => {
        const r = state.results[i];
        if (!r) return { status: 'pending', name: checkName(spec, CHECK_KIND_BY_NAME.get(spec.kind)), detail: this.checking ? 'checking…' : 'not checked yet' };
        const detail = r.status === 'errored' ? whyNot(r)! : r.observations.map(describeObservation).join('\n');
        return { status: r.status, name: r.name, detail };
      }),
      hints: this.step.hints.slice(0, state.hintsShown).map((h) => ({ tier: h.tier, text: h.text })),
      moreHints: state.hintsShown < this.step.hints.length,
      quizzes: this.step.checks.flatMap((spec, i) =>
        spec.kind === 'quiz'
          ? [{ checkId: `${this.lab.id}/${this.step.id}/${i}`, question: String(spec.fields.question ?? ''), ...(Array.isArray(spec.fields.choices) ? { choices: spec.fields.choices as string[] } : {}) }]
          : [],
      ),
      canSolve: !held,
      ...(held ? { solveHeldBack: held } : {}),
    };
  }

  async act(action: StepPanelAction): Promise<void> {
    const runner = this.runner;
    switch (action.type) {
      case 'check':
        this.checking = true;
        this.changed.fire();
        try {
          await runner.check(this.lab.id, this.step.id);
        } catch (error) {
          if (error instanceof LockedStepError) void vscode.window.showInformationMessage(`Shipshape: ${error.message}`);
          else throw error;
        } finally {
          this.checking = false;
          this.changed.fire();
        }
        return;
      case 'hint':
        if (!runner.hint(this.lab.id, this.step.id)) void vscode.window.showInformationMessage('Shipshape: every hint of this step is shown.');
        return;
      case 'answer':
        runner.answer(action.checkId, action.answer);
        await runner.check(this.lab.id, this.step.id, { ignoreNeeds: true });
        return;
      case 'solve': {
        if (!this.step.solve) return;
        const ok = await this.runAction(this.step.solve, `The solution of "${this.step.title}"`);
        if (ok) {
          runner.markSolved(this.lab.id, this.step.id);
          await runner.check(this.lab.id, this.step.id, { ignoreNeeds: true });
        }
        return;
      }
      case 'reset': {
        const answer = await vscode.window.showWarningMessage(
          `Reset "${this.step.title}"? Its progress is forgotten${this.step.cleanup ? ' and its cleanup runs (it removes only what the pack owns)' : ''}.`,
          { modal: true },
          'Reset',
        );
        if (answer !== 'Reset') return;
        if (this.step.cleanup) await this.runAction(this.step.cleanup, `The cleanup of "${this.step.title}"`);
        runner.reset({ lab: this.lab.id, step: this.step.id });
        return;
      }
    }
  }

  /** Runs an action of the pack after the student has seen it (once per pack content), in a trusted workspace only. */
  private async runAction(action: Action, what: string): Promise<boolean> {
    const pack = this.entry.pack!;
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(`Shipshape: ${what} is held back: a lab pack's commands run only in a trusted workspace.`);
      return false;
    }
    if (!(await confirmCommands(this.ctx, pack, describeAction(action, what)))) return false;
    const out = this.ctx.output;
    out.info(describeAction(action, what));
    const outcome = await new ProcessActionRunner({
      trusted: true,
      cwd: pack.root,
      ...(this.ctx.endpoint ? { endpoint: this.ctx.endpoint } : {}),
      onLine: (line, from) => out.info(`[${from.stream}] ${line}`),
    }).run(action, what);
    const summary = actionSummary(outcome, what);
    out.info(summary);
    if (!outcome.ok) void vscode.window.showErrorMessage(`Shipshape: ${summary}`, 'Show Output').then((b) => b && out.show());
    this.changed.fire();
    return outcome.ok;
  }
}
