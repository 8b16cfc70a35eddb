// What a manifest refers to, checked: files inside the pack (Markdown, build contexts), and `needs`
// between steps (real steps, no cycles). Each problem sits at the reference that is wrong.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ProblemList } from './manifest';
import { nearestKey, type YamlPath } from '../yaml-positions';

/** A path written in the manifest, resolved inside the pack; undefined (with a problem) when it leaves it. */
export function insidePack(root: string, written: string, at: YamlPath, problems: ProblemList): string | undefined {
  const resolved = path.resolve(root, written);
  const relative = path.relative(root, resolved);
  if (path.isAbsolute(written) || relative.startsWith('..') || path.isAbsolute(relative)) {
    problems.error(at, `"${written}" is outside the pack`, 'paths are relative to the manifest and stay inside the pack folder');
    return undefined;
  }
  return resolved;
}

async function kindOf(file: string): Promise<'file' | 'folder' | undefined> {
  try {
    const stat = await fs.stat(file);
    return stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a Markdown file the manifest names; undefined (with a problem) when it is missing or outside the pack. */
export async function readPackFile(root: string, written: string, at: YamlPath, problems: ProblemList): Promise<{ file: string; text: string } | undefined> {
  const file = insidePack(root, written, at, problems);
  if (!file) return undefined;
  const kind = await kindOf(file);
  if (kind !== 'file') {
    problems.error(at, kind === 'folder' ? `"${written}" is a folder, not a file` : `file "${written}" does not exist`, 'create it, or fix the path (relative to the manifest)');
    return undefined;
  }
  return { file, text: await fs.readFile(file, 'utf8') };
}

/** A build context (a folder in the pack) and its Dockerfile: both must be there. */
export async function checkBuildContext(root: string, context: string, dockerfile: string | undefined, at: YamlPath, problems: ProblemList): Promise<void> {
  const folder = insidePack(root, context, [...at, 'build'], problems);
  if (!folder) return;
  if ((await kindOf(folder)) !== 'folder') {
    problems.error([...at, 'build'], `build context "${context}" is not a folder in the pack`, 'ship the context folder inside the pack, relative to the manifest');
    return;
  }
  const file = insidePack(folder, dockerfile ?? 'Dockerfile', [...at, dockerfile ? 'dockerfile' : 'build'], problems);
  if (file && (await kindOf(file)) !== 'file')
    problems.error([...at, dockerfile ? 'dockerfile' : 'build'], `no ${dockerfile ?? 'Dockerfile'} in build context "${context}"`, dockerfile ? 'fix the path (relative to the context)' : 'add a Dockerfile to the context, or name it with dockerfile:');
}

/** A step as `needs` sees it: its qualified id and what it needs as written, with their paths. */
export interface StepNode {
  lab: string;
  id: string;
  needs: { written: string; at: YamlPath }[];
}

/**
 * Qualifies every `needs` entry as `lab/step`, reporting dangling ones (with the nearest step) and
 * cycles (`a → b → a`). Returns the qualified needs per step, in the order given.
 */
export function resolveNeeds(steps: readonly StepNode[], problems: ProblemList): Map<string, string[]> {
  const key = (s: { lab: string; id: string }) => `${s.lab}/${s.id}`;
  const known = new Set(steps.map(key));
  const edges = new Map<string, { to: string; at: YamlPath }[]>();
  for (const step of steps) {
    const out: { to: string; at: YamlPath }[] = [];
    for (const need of step.needs) {
      const to = need.written.includes('/') ? need.written : `${step.lab}/${need.written}`;
      if (!known.has(to)) {
        const sameLab = steps.filter((s) => s.lab === step.lab).map((s) => s.id);
        const guess = nearestKey(need.written, need.written.includes('/') ? [...known] : sameLab);
        problems.error(need.at, `needs "${need.written}", which is not a step${need.written.includes('/') ? '' : ` of lab "${step.lab}"`}`, guess ? `did you mean "${guess}"?` : 'name a step id of this lab, or lab-id/step-id');
      } else if (to === key(step)) {
        problems.error(need.at, `step "${step.id}" needs itself`, 'remove it from its own needs');
      } else out.push({ to, at: need.at });
    }
    edges.set(key(step), out);
  }
  reportCycles(steps.map(key), edges, problems);
  return new Map([...edges].map(([k, v]) => [k, v.map((e) => e.to)]));
}

function reportCycles(order: string[], edges: Map<string, { to: string; at: YamlPath }[]>, problems: ProblemList): void {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const edge of edges.get(node) ?? []) {
      if (state.get(edge.to) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(edge.to)), edge.to];
        const oneLab = new Set(cycle.map((c) => c.split('/')[0])).size === 1;
        const shown = cycle.map((c) => (oneLab ? c.split('/')[1] : c)).join(' → ');
        problems.error(edge.at, `needs make a cycle: ${shown}`, 'a step cannot depend on a step that depends on it; remove one of these needs');
      } else if (!state.has(edge.to)) visit(edge.to);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of order) if (!state.has(node)) visit(node);
}
