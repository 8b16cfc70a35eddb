// A lab pack is someone else's code: before its commands first run, the student sees exactly what
// every action of the pack runs and agrees, once per pack content (a pack whose files change asks again).
import * as vscode from 'vscode';
import { describeAction } from '../../core/labs/actions';
import type { Pack } from '../../core/labs/pack';
import type { LabsHost } from './host';

const trustKey = (pack: Pack) => `shipshape.labs.trusted:${pack.id}:${pack.contentHash}`;

/** Every command the pack can run, step by step, as the student is shown it. */
export function packCommands(pack: Pack): string {
  const parts: string[] = [];
  for (const lab of pack.labs)
    for (const step of lab.steps)
      for (const [what, action] of [['setup', step.setup], ['solve', step.solve], ['cleanup', step.cleanup]] as const)
        if (action) parts.push(describeAction(action, `${lab.id}/${step.id} ${what}`));
  return parts.join('\n\n');
}

export function isPackTrusted(ctx: LabsHost, pack: Pack): boolean {
  return ctx.extension.globalState.get<boolean>(trustKey(pack)) === true;
}

export async function trustPack(ctx: LabsHost, pack: Pack): Promise<void> {
  await ctx.extension.globalState.update(trustKey(pack), true);
}

/** True once the student has agreed to run this content of the pack's commands; asks (showing them all) until then. */
export async function confirmCommands(ctx: LabsHost, pack: Pack, now: string): Promise<boolean> {
  if (isPackTrusted(ctx, pack)) return true;
  const choice = await vscode.window.showWarningMessage(
    `Run commands from the lab pack "${pack.title}" (${pack.id} ${pack.version})?`,
    {
      modal: true,
      detail: `Now: ${now}\n\nEverything this pack can run:\n\n${packCommands(pack)}\n\nThey run on your machine against your Docker daemon, without a shell except for the scripts shown. You are asked again if the pack's files change.`,
    },
    'Run',
  );
  if (choice !== 'Run') return false;
  await trustPack(ctx, pack);
  return true;
}
