// Lint configuration: what `.hadolint.yaml`, CLI flags and editor settings resolve to.
import type { LabelType, Severity } from './types';

export type Threshold = Severity | 'none';

export interface LintConfig {
  /** Rule ids (or aliases) never reported. */
  ignored: string[];
  /** Severity overrides by rule id; naming an off-by-default rule here turns it on (as in hadolint). */
  override: Partial<Record<Severity, string[]>>;
  trustedRegistries: string[];
  labelSchema: Record<string, LabelType>;
  strictLabels: boolean;
  /** Ignore `# hadolint ignore=` pragmas. */
  disableIgnorePragma: boolean;
  failureThreshold: Threshold;
  noFail: boolean;
  /** Editor settings: per-rule severity or `off`, applied last. */
  severities: Record<string, Severity | 'off'>;
}

export function defaultConfig(): LintConfig {
  return {
    ignored: [],
    override: {},
    trustedRegistries: [],
    labelSchema: {},
    strictLabels: false,
    disableIgnorePragma: false,
    failureThreshold: 'info',
    noFail: false,
    severities: {},
  };
}
