// The status bar item: which daemon (context or host) and whether it answers. Renders the model.
// A click switches the Docker context; the tooltip also offers to reconnect.
import * as vscode from 'vscode';
import type { DockerEndpoint } from '../../docker/endpoint';
import type { DockerModel } from '../../docker/model';

export class DaemonStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('shipshape.daemon', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: { dispose(): void };

  /** `endpoint` is undefined while no endpoint could be resolved (the model says why). */
  constructor(private readonly model: DockerModel, private readonly endpoint: () => DockerEndpoint | undefined) {
    this.item.name = 'Shipshape: Docker daemon';
    this.item.command = { command: 'shipshape.switchContext', title: 'Switch Docker Context…' };
    // Part changes redraw it only when the problems they carry changed.
    this.subscription = model.onDidChange((change) => (change === 'connection' || problemsKey(model) !== this.shownProblems) && this.render());
    this.render();
    this.item.show();
  }

  /** What the item shows now (for tests). */
  get text(): string {
    return this.item.text;
  }

  /** The command a click runs. */
  get command(): string | undefined {
    const c = this.item.command;
    return typeof c === 'string' ? c : c?.command;
  }

  /** The tooltip's sentence, without its command links. */
  get tooltip(): string {
    return this.plainTooltip;
  }

  private plainTooltip = '';
  private shownProblems = '';

  render(): void {
    const endpoint = this.endpoint();
    const c = this.model.connection;
    const where = endpoint ? (endpoint.context ? `context "${endpoint.context}" (${endpoint.host})` : endpoint.host) : c.endpoint;
    const suffix = endpoint?.context ? ` · ${endpoint.context}` : '';
    const actions = '[Switch context](command:shipshape.switchContext) · [Reconnect](command:shipshape.containers.refresh)';
    let text: string;
    let tooltip: string;
    let background: vscode.ThemeColor | undefined;
    switch (c.kind) {
      case 'connected': {
        const problems = this.model.problems;
        const count = problems.length ? ` · ${problems.length} problem${problems.length > 1 ? 's' : ''}` : '';
        text = `$(vm-running) Docker ${c.version}${suffix}${count}`;
        tooltip = `Connected to ${where}.${problems.map((p) => ` Could not list ${p.part}: ${p.message}.`).join('')}`;
        if (problems.length) background = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
      }
      case 'connecting':
        text = `$(loading~spin) Docker${suffix}`;
        tooltip = `Connecting to ${where}…`;
        break;
      case 'disconnected':
        text = `$(debug-disconnect) Docker: disconnected${suffix}`;
        tooltip = `Docker is not reachable: ${c.reason}. Retrying.`;
        background = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
      case 'misconfigured':
        text = '$(warning) Docker: settings problem';
        tooltip = `Cannot tell which Docker daemon to use: ${c.reason}. Hint: ${c.hint}.`;
        background = new vscode.ThemeColor('statusBarItem.errorBackground');
        break;
    }
    this.shownProblems = problemsKey(this.model);
    this.item.text = text;
    this.plainTooltip = tooltip;
    const markdown = new vscode.MarkdownString(`${escape(tooltip)}\n\n${actions}`);
    markdown.isTrusted = { enabledCommands: ['shipshape.switchContext', 'shipshape.containers.refresh'] };
    this.item.tooltip = markdown;
    this.item.backgroundColor = background;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

function problemsKey(model: DockerModel): string {
  return model.problems.map((p) => `${p.part}: ${p.message}`).join('\n');
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');
}
