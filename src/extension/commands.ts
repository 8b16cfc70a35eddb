// Every command, as a small function of the context, listed in one table.
import * as vscode from 'vscode';
import { containerCommands } from './containers/commands';
import { ShipshapeContext } from './context';
import { showRule } from './lint/actions';

export type CommandFactory = (ctx: ShipshapeContext) => (...args: unknown[]) => unknown;

export const commands: Record<string, CommandFactory> = {
  'shipshape.containers.refresh': (ctx) => () => ctx.docker.refresh(),
  'shipshape.lint.showRule': () => (id) => showRule(id),
  ...containerCommands,
};

export function registerCommands(ctx: ShipshapeContext): vscode.Disposable[] {
  return Object.entries(commands).map(([id, factory]) => vscode.commands.registerCommand(id, factory(ctx)));
}
