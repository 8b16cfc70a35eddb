import { shippedStages } from '../../dockerfile/model';
import { hasMountOver } from '../../dockerfile/mounts';
import type { ShellCommand } from '../../dockerfile/shell';
import { defineRule, fix, hadolintDocs, insertAt } from '../define';

const isYarnInstall = (c: ShellCommand) => c.name === 'yarn' && c.args.some((a) => a.value === 'install');
const isYarnCacheClean = (c: ShellCommand) => c.name === 'yarn' && c.args.some((a, i) => a.value === 'cache' && c.args[i + 1]?.value === 'clean');
/** yarn 1's cache (`~/.cache/yarn`, `/usr/local/share/.cache/yarn`, as hadolint main) and yarn 2+'s global cache. */
const isYarnCache = (target: string) => target.includes('.cache/yarn') || target.includes('.yarn/berry/cache');

export default defineRule(
  {
    id: 'DL3060',
    source: 'hadolint',
    severity: 'info',
    description: '`yarn cache clean` missing after `yarn install` was run',
    rationale:
      'yarn keeps a copy of every package it downloads in its cache folder. Unless the same RUN cleans it, that cache is frozen into the layer and ships with the image, often doubling the size of node_modules.',
    examples: {
      bad: 'FROM node:20\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n',
      good: 'FROM node:20\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    },
    docs: hadolintDocs('DL3060'),
    fixable: true,
    stages: { mode: 'inherits', note: 'only stages that end up in an image count: the last one and the stages it is built on, as hadolint' },
  },
  (ctx) => {
    // As hadolint: only stages that end up in an image count, the last one and those other stages are built FROM.
    const shipped = shippedStages(ctx.model);
    for (const stage of ctx.model.stages) {
      const kept = shipped.has(stage);
      for (const instruction of stage.instructions) {
        // ONBUILD RUN runs in every child image, whichever stage declares it.
        const run = instruction.keyword === 'RUN' && kept ? instruction : instruction.trigger?.keyword === 'RUN' ? instruction.trigger : undefined;
        if (!run) continue;
        // A cache or tmpfs mount over yarn's cache keeps it out of the layer; a mount elsewhere does not (as hadolint main).
        if (hasMountOver(run, ['cache', 'tmpfs'], isYarnCache)) continue;
        // A cheap text test first: most RUNs never mention yarn, and need no parse here.
        if (run.heredocs.length === 0 && !run.argsText.includes('yarn')) continue;
        const script = ctx.shell(run);
        if (!script) continue;
        const install = script.commands.find(isYarnInstall);
        if (!install) continue;
        // Only a clean after the last install empties what it downloaded (hadolint main compares the first clean with the first install).
        let lastInstall = 0;
        script.commands.forEach((c, i) => (lastInstall = isYarnInstall(c) ? i : lastInstall));
        if (script.commands.some((c, i) => i > lastInstall && isYarnCacheClean(c))) continue;
        const fixes = [];
        // Appending is safe only at the end of a plain shell-form script.
        if (run.heredocs.length === 0 && !script.hasError && !run.argsText.includes('#') && !/[;&|\\]\s*$/.test(run.argsText)) {
          fixes.push(fix('Append && yarn cache clean', insertAt(run.range.end.line, run.range.end.character, ' && yarn cache clean')));
        }
        ctx.report({
          range: install.nameWord?.range ?? run.keywordRange,
          message: '`yarn cache clean` missing after `yarn install`: add `&& yarn cache clean` to this RUN so the package cache does not stay in the layer',
          fixes,
        });
      }
    }
  },
);
