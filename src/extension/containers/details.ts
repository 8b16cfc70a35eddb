// The container-details model (src/docker/container-details.ts) as the editor runs it: the helper
// container only when the setting is on and the workspace trusted, and a modal showing its exact
// `docker run` line before its first run.
import * as vscode from 'vscode';
import type { DockerClient } from '../../docker/client';
import { ContainerDetailsModel, daemonDetailsReader } from '../../docker/container-details';
import { readConfig } from '../config';

async function confirmHelper(commandLine: string): Promise<boolean> {
  const run = 'Run Helper';
  const answer = await vscode.window.showWarningMessage(
    'Shipshape will start a read-only helper container to read cgroups and namespaces on this daemon:',
    { modal: true, detail: commandLine },
    run,
  );
  return answer === run;
}

export function containerDetailsModel(client: () => DockerClient): ContainerDetailsModel {
  return new ContainerDetailsModel(daemonDetailsReader(client), {
    helperAllowed: () => readConfig().internals.helperContainer && vscode.workspace.isTrusted,
    confirm: confirmHelper,
  });
}
