// Every Shipshape setting, read in one place and typed.
import * as vscode from 'vscode';

export interface ShipshapeConfig {
  dockerHost: string | undefined;
  dockerContext: string | undefined;
}

export function readConfig(): ShipshapeConfig {
  const c = vscode.workspace.getConfiguration('shipshape');
  const text = (key: string) => c.get<string>(key)?.trim() || undefined;
  return {
    dockerHost: text('docker.host'),
    dockerContext: text('docker.context'),
  };
}

/** True when a configuration change touches a setting that decides which daemon to use. */
export function affectsDaemon(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('shipshape.docker');
}
