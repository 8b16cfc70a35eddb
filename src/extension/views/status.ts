// The status bar item: which daemon (context or host) and whether it answers. Renders the model.
import * as vscode from 'vscode';
import type { DockerEndpoint } from '../../docker/endpoint';
import type { DockerModel } from '../../docker/model';

export class DaemonStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('shipshape.daemon', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: { dispose(): void };

  constructor(private readonly model: DockerModel, private readonly endpoint: () => DockerEndpoint) {
    this.item.name = 'Shipshape: Docker daemon';
    this.item.command = 'shipshape.containers.refresh';
    this.subscription = model.onDidChange((change) => change === 'connection' && this.render());
    this.render();
    this.item.show();
  }

  render(): void {
    const endpoint = this.endpoint();
    const where = endpoint.context ? `context ${endpoint.context}` : endpoint.host;
    const c = this.model.connection;
    if (c.kind === 'connected') {
      this.item.text = `$(vm-running) Docker ${c.version}`;
      this.item.tooltip = `Connected to ${where} (${endpoint.host}). Click to reload.`;
      this.item.backgroundColor = undefined;
    } else if (c.kind === 'connecting') {
      this.item.text = '$(loading~spin) Docker';
      this.item.tooltip = `Connecting to ${where}…`;
      this.item.backgroundColor = undefined;
    } else {
      this.item.text = '$(debug-disconnect) Docker: disconnected';
      this.item.tooltip = `Docker is not reachable: ${c.reason}. Retrying; click to retry now.`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
