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

/** Layers configs: lists add up (an override moves a rule to the later severity), scalars: the later wins. */
export function mergeConfig(...layers: Partial<LintConfig>[]): LintConfig {
  const out = defaultConfig();
  for (const layer of layers) {
    if (layer.ignored) out.ignored = [...out.ignored, ...layer.ignored];
    if (layer.override) {
      for (const [severity, ids] of Object.entries(layer.override) as [keyof LintConfig['override'], string[]][]) {
        for (const key of Object.keys(out.override) as (keyof LintConfig['override'])[]) out.override[key] = out.override[key]!.filter((id) => !ids.includes(id));
        out.override[severity] = [...(out.override[severity] ?? []), ...ids];
      }
    }
    if (layer.trustedRegistries) out.trustedRegistries = [...out.trustedRegistries, ...layer.trustedRegistries];
    if (layer.labelSchema) out.labelSchema = { ...out.labelSchema, ...layer.labelSchema };
    if (layer.severities) out.severities = { ...out.severities, ...layer.severities };
    for (const key of ['strictLabels', 'disableIgnorePragma', 'failureThreshold', 'noFail'] as const) {
      if (layer[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = layer[key];
    }
  }
  return out;
}
