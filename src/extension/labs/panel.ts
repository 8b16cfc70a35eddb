// The step panel: one webview (reused, like VS Code's Markdown preview) showing the step the
// student opened. It draws what its host gives it and passes clicks back; Run in Terminal sends a
// code block to a visible terminal, so nothing runs unseen.
import crypto from 'node:crypto';
import * as vscode from 'vscode';
import { stepPanelHtml, type StepPanelContent } from './panel-html';

export type StepPanelAction =
  | { type: 'check' | 'hint' | 'solve' | 'reset' }
  | { type: 'answer'; checkId: string; answer: string };

/** What the panel shows and whom it tells about clicks: the labs controller, for one step. */
export interface StepPanelHost {
  readonly key: string;
  content(): StepPanelContent;
  act(action: StepPanelAction): Promise<void>;
  /** Fires when the content changed (a check ran, an event re-ran one, progress was reset). */
  onDidChange(listener: () => void): vscode.Disposable;
}

export class StepPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private host: StepPanelHost | undefined;
  private blocks = new Map<string, string>();
  private hostSubscription: vscode.Disposable | undefined;
  private terminal: vscode.Terminal | undefined;
  private readonly visibility = new vscode.EventEmitter<StepPanelHost | undefined>();
  /** The step whose panel is visible (the runner polls what events cannot cover only while it is), or undefined. */
  readonly onDidChangeVisibleStep = this.visibility.event;

  /** `terminalEnv`: DOCKER_HOST (and TLS) for the daemon Shipshape uses, so the student's docker commands reach the same one. */
  constructor(
    private readonly mediaRoot: vscode.Uri,
    private readonly terminalEnv: () => Record<string, string>,
  ) {}

  get visibleStep(): StepPanelHost | undefined {
    return this.panel?.visible ? this.host : undefined;
  }

  /** The panel's last page, for tests and screenshots to assert on. */
  html(): string | undefined {
    return this.panel?.webview.html;
  }

  show(host: StepPanelHost): void {
    this.hostSubscription?.dispose();
    this.host = host;
    this.hostSubscription = host.onDidChange(() => this.draw());
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('shipshape.step', host.content().title, vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [this.mediaRoot],
        retainContextWhenHidden: false,
      });
      this.panel.iconPath = vscode.Uri.joinPath(this.mediaRoot, 'shipshape.svg');
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.hostSubscription?.dispose();
        this.visibility.fire(undefined);
      });
      this.panel.onDidChangeViewState(() => this.visibility.fire(this.visibleStep));
      this.panel.webview.onDidReceiveMessage((message) => void this.receive(message));
    } else this.panel.reveal(undefined, false);
    this.draw();
    this.visibility.fire(this.visibleStep);
  }

  private draw(): void {
    if (!this.panel || !this.host) return;
    const webview = this.panel.webview;
    const content = this.host.content();
    const page = stepPanelHtml(content, {
      cspSource: webview.cspSource,
      nonce: crypto.randomBytes(16).toString('base64'),
      script: webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'step-panel.js')).toString(),
      style: webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'step-panel.css')).toString(),
    });
    this.blocks = page.blocks;
    this.panel.title = content.title;
    webview.html = page.html;
  }

  private async receive(message: unknown): Promise<void> {
    const m = message as { type?: unknown; block?: unknown; checkId?: unknown; answer?: unknown };
    const host = this.host;
    if (!host || typeof m?.type !== 'string') return;
    try {
      if (m.type === 'copy' || m.type === 'run') {
        const text = typeof m.block === 'string' ? this.blocks.get(m.block) : undefined;
        if (text === undefined) return;
        if (m.type === 'copy') await vscode.env.clipboard.writeText(text);
        else this.sendToTerminal(text);
      } else if (m.type === 'answer' && typeof m.checkId === 'string' && typeof m.answer === 'string') {
        await host.act({ type: 'answer', checkId: m.checkId, answer: m.answer });
      } else if (m.type === 'check' || m.type === 'hint' || m.type === 'solve' || m.type === 'reset') {
        await host.act({ type: m.type });
      }
    } catch (error) {
      void vscode.window.showErrorMessage(`Shipshape: ${(error as Error).message}`);
    }
  }

  /** The student sees the command arrive in the terminal and run there: nothing is run unseen. */
  private sendToTerminal(text: string): void {
    if (!this.terminal || this.terminal.exitStatus) this.terminal = vscode.window.createTerminal({ name: 'Shipshape lab', env: this.terminalEnv() });
    this.terminal.show(false);
    this.terminal.sendText(text, true);
  }

  dispose(): void {
    this.hostSubscription?.dispose();
    this.panel?.dispose();
    this.visibility.dispose();
  }
}
