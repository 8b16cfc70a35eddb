// Every Shipshape setting, read in one place and typed.
import * as vscode from 'vscode';
import type { Severity } from '../core/lint/types';

export interface ShipshapeConfig {
  dockerHost: string | undefined;
  dockerContext: string | undefined;
  /** How the Containers group is organised. */
  groupBy: 'none' | 'compose' | 'swarm';
  internals: {
    /** Opt-in read-only helper container for daemons whose /proc is not this machine's. */
    helperContainer: boolean;
  };
  lint: LintSettings;
  containers: {
    /** Ask before stop, kill and remove. */
    confirmDestructive: boolean;
  };
  labs: {
    /** Extra lab packs (folders or archives), relative to the first workspace folder or absolute. */
    packs: string[];
  };
  layers: LayersSettings;
}

export interface LayersSettings {
  /** Sizes as CodeLenses on a Dockerfile's instructions once it has been built and measured. */
  codeLens: boolean;
  /** The build context, relative to the workspace folder or absolute; '' is the Dockerfile's folder. */
  buildContext: string;
  /** The tag Build and Measure gives the image; `${folder}` is the Dockerfile's folder name. */
  tag: string;
  builder: 'auto' | 'buildkit' | 'legacy';
}

export interface LintSettings {
  enable: boolean;
  severities: Record<string, Severity | 'off'>;
  debounceMs: number;
  /** '' looks on PATH; 'off' disables ShellCheck. */
  shellcheckPath: string;
  /** The build context's folder for .dockerignore, relative to the workspace folder; '' is the Dockerfile's folder. */
  buildContext: string;
}

/** The lint settings alone: the linter reads them once and again on a change (see affectsLint), not per lint. */
export function readLintSettings(c = vscode.workspace.getConfiguration('shipshape')): LintSettings {
  return {
    enable: c.get<boolean>('lint.enable', true),
    severities: c.get<Record<string, Severity | 'off'>>('lint.severities', {}),
    debounceMs: c.get<number>('lint.debounceMs', 150),
    shellcheckPath: c.get<string>('lint.shellcheck.path', '').trim(),
    buildContext: c.get<string>('lint.buildContext', '').trim(),
  };
}

export function readConfig(): ShipshapeConfig {
  const c = vscode.workspace.getConfiguration('shipshape');
  const text = (key: string) => c.get<string>(key)?.trim() || undefined;
  return {
    dockerHost: text('docker.host'),
    dockerContext: text('docker.context'),
    groupBy: c.get<'none' | 'compose' | 'swarm'>('containers.groupBy', 'none'),
    internals: { helperContainer: c.get<boolean>('internals.helperContainer', false) },
    lint: readLintSettings(c),
    containers: {
      confirmDestructive: c.get<boolean>('containers.confirmDestructive', true),
    },
    labs: { packs: c.get<string[]>('labs.packs', []).filter((p) => typeof p === 'string' && p.trim()) },
    layers: readLayersSettings(c),
  };
}

export function readLayersSettings(c = vscode.workspace.getConfiguration('shipshape')): LayersSettings {
  const builder = c.get<string>('layers.builder', 'auto');
  return {
    codeLens: c.get<boolean>('layers.codeLens', true),
    buildContext: c.get<string>('layers.buildContext', '').trim(),
    tag: c.get<string>('layers.tag', '').trim() || 'shipshape/${folder}:latest',
    builder: builder === 'buildkit' || builder === 'legacy' ? builder : 'auto',
  };
}

export function affectsLint(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('shipshape.lint');
}

/** True when a configuration change touches a setting that decides which daemon to use. */
export function affectsDaemon(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('shipshape.docker');
}
