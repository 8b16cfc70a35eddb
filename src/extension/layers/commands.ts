// The layers commands, each a small function of the context (listed in the one table, commands.ts).
import type { CommandFactory } from '../context';
import { analyseImageCommand } from './analyse';
import { buildAndMeasure } from './build';
import { ANALYSE_COMMAND, BUILD_COMMAND } from './lenses';

export const layersCommands: Record<string, CommandFactory> = {
  [BUILD_COMMAND]: (ctx) => (arg) => buildAndMeasure(ctx, ctx.layers, arg),
  [ANALYSE_COMMAND]: (ctx) => (arg) => analyseImageCommand(ctx, ctx.layers, ctx.layerReports, arg),
};
