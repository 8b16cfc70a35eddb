// Every command, as a small function of the context, listed in one table.
import * as vscode from 'vscode';
import { containerCommands } from './containers/commands';
import { switchContext } from './containers/switch-context';
import type { CommandFactory, ShipshapeContext } from './context';
import { labsCommands } from './labs/commands';
import { layersCommands } from './layers/commands';
import { showRule } from './lint/actions';

export const commands: Record<string, CommandFactory> = {
  // Reads the settings and Docker's files again, then reconnects (the view's retry action too).
  'shipshape.containers.refresh': (ctx) => () => ctx.reconnect(true),
  'shipshape.switchContext': switchContext,
  'shipshape.lint.showRule': () => (id) => showRule(id),
  ...containerCommands,
  ...labsCommands,
  ...layersCommands,
};

export function registerCommands(ctx: ShipshapeContext): vscode.Disposable[] {
  return Object.entries(commands).map(([id, factory]) => vscode.commands.registerCommand(id, factory(ctx)));
}
