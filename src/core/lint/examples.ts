// Turns a rule's declarative example context into lint options, so every example can be checked.
import { buildContextFromDockerignore } from './build-context';
import type { LintOptions } from './engine';
import type { RuleMeta } from './types';

export function exampleOptions(meta: RuleMeta): LintOptions {
  const { settings, dockerignore, localImages } = meta.examples;
  const options: LintOptions = { config: { override: { [meta.severity]: [meta.id] } } };
  if (settings?.labelSchema) options.config!.labelSchema = settings.labelSchema;
  if (settings?.strictLabels !== undefined) options.config!.strictLabels = settings.strictLabels;
  if (settings?.trustedRegistries) options.config!.trustedRegistries = settings.trustedRegistries;
  if (dockerignore !== undefined) options.buildContext = buildContextFromDockerignore(dockerignore, '.dockerignore');
  if (localImages) options.localImages = { platformOf: (ref) => localImages.platforms[ref], defaultPlatform: localImages.defaultPlatform };
  return options;
}
