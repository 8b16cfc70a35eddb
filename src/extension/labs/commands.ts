// The labs commands, each a small function of the context.
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { scaffoldPack } from '../../core/labs/scaffold';
import type { CommandFactory } from '../context';

export const labsCommands: Record<string, CommandFactory> = {
  'shipshape.labs.openStep': (ctx) => async (arg) => {
    await ctx.labs.packs.start();
    const target = ctx.labs.resolve(arg);
    if (!target) return void vscode.window.showInformationMessage('Shipshape: no lab step to open: open a lab pack first (Open Lab Pack…).');
    return ctx.labs.openStep(target.entry, target.lab, target.step);
  },
  'shipshape.labs.checkStep': (ctx) => async (arg) => {
    await ctx.labs.packs.start();
    const target = ctx.labs.resolve(arg);
    if (!target?.entry.runner) return undefined;
    return target.entry.runner.check(target.lab.id, target.step.id, { ignoreNeeds: true });
  },
  'shipshape.labs.openPack': (ctx) => async (arg) => {
    let location = typeof arg === 'string' ? arg : arg instanceof vscode.Uri ? arg.fsPath : undefined;
    if (!location) {
      const picked = await vscode.window.showOpenDialog({
        canSelectFiles: true,
        canSelectFolders: true,
        canSelectMany: false,
        openLabel: 'Open Lab Pack',
        filters: { 'Lab packs': ['zip', 'tgz', 'gz'], 'All files': ['*'] },
      });
      location = picked?.[0]?.fsPath;
    }
    if (!location) return undefined;
    if (path.basename(location) === 'shipshape-pack.yaml') location = path.dirname(location);
    const entry = await ctx.labs.packs.load('opened', location);
    if (!entry.pack) void vscode.window.showErrorMessage(`Shipshape: ${path.basename(location)} has ${entry.problems.length} problem(s): see the Labs view and the Problems panel.`);
    return entry;
  },
  'shipshape.labs.newPack': (ctx) => async (arg) => {
    let folder = typeof arg === 'string' ? arg : undefined;
    if (!folder) {
      const base = vscode.workspace.workspaceFolders?.[0]?.uri;
      const id = await vscode.window.showInputBox({ prompt: 'The new pack\'s id (lower case, digits and dashes)', value: 'my-pack', validateInput: (v) => (/^[a-z0-9][a-z0-9-]*$/.test(v) ? undefined : 'lower case letters, digits and dashes, starting with a letter or digit') });
      if (!id || !base) return undefined;
      folder = path.join(base.fsPath, id);
    }
    if (fs.existsSync(path.join(folder, 'shipshape-pack.yaml'))) return void vscode.window.showErrorMessage(`Shipshape: ${folder} already has a shipshape-pack.yaml.`);
    for (const [file, text] of Object.entries(scaffoldPack(path.basename(folder)))) {
      fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
      fs.writeFileSync(path.join(folder, file), text, { flag: 'wx' });
    }
    const entry = await ctx.labs.packs.load('workspace', folder);
    await vscode.window.showTextDocument(vscode.Uri.file(path.join(folder, 'shipshape-pack.yaml')));
    return entry;
  },
  'shipshape.labs.resetLab': (ctx) => async (arg) => {
    const node = arg as { kind?: string; entry?: { key: string }; lab?: { id: string; title: string } };
    const entry = node?.entry && ctx.labs.packs.find(node.entry.key);
    if (!entry?.runner || !node.lab) return;
    if ((await vscode.window.showWarningMessage(`Forget your progress in "${node.lab.title}"?`, { modal: true }, 'Reset')) !== 'Reset') return;
    entry.runner.reset({ lab: node.lab.id });
  },
  'shipshape.labs.resetPack': (ctx) => async (arg) => {
    const node = arg as { entry?: { key: string } };
    const entry = node?.entry && ctx.labs.packs.find(node.entry.key);
    if (!entry?.runner) return;
    if ((await vscode.window.showWarningMessage(`Forget all your progress in "${entry.title}"?`, { modal: true }, 'Reset')) !== 'Reset') return;
    entry.runner.reset({ pack: true });
  },
};
