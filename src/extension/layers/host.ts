// What the layers feature needs of the editor's context: declared here so that the context can own
// it without the feature importing the context (no import cycle). ShipshapeContext satisfies it.
import type * as vscode from 'vscode';
import type { DockerClient } from '../../docker/client';
import type { DockerModel } from '../../docker/model';

export interface LayersHost {
  readonly extension: vscode.ExtensionContext;
  readonly output: vscode.LogOutputChannel;
  /** The one Docker model: Analyse Image offers its images when it is connected. */
  readonly docker: DockerModel;
  /** The client of the daemon in use; throws, saying what to fix, when none could be chosen. */
  readonly client: DockerClient;
}
