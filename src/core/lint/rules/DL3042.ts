import type { Instruction } from '../../dockerfile/model';
import { hasMountOver } from '../../dockerfile/mounts';
import type { ShellCommand, ShellWord } from '../../dockerfile/shell';
import { hasFlag } from '../../dockerfile/shell';
import { defineRule, fix, hadolintDocs, insertAfter } from '../define';
import { PIP, PIP_GENERAL_VALUED, PYTHON } from '../package-managers';

const TRUTHY = /^(1|true|on|yes)$/i;
const DASHES = /^--?/;
/** `PIP_NO_CACHE_DIR=<truthy>` anywhere in the script: as a prefix, `export`ed or assigned. */
const SCRIPT_SETS_NO_CACHE = /\bPIP_NO_CACHE_DIR=["']?(1|true|on|yes)\b/i;

function basename(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** The `install` word of `pip install …` or `python -m pip install …`, or undefined. */
function installWord(command: ShellCommand): ShellWord | undefined {
  const name = basename(command.name);
  let args = command.args;
  if (PYTHON.test(name)) {
    const m = args.findIndex((a, i) => a.value === '-m' && args[i + 1]?.value === 'pip');
    if (m < 0) return undefined;
    args = args.slice(m + 2);
  } else if (!PIP.test(name)) {
    return undefined; // pipx and pipenv manage their own caches
  }
  for (let i = 0; i < args.length; i++) {
    const value = args[i]!.value;
    if (!value.startsWith('-')) return value === 'install' ? args[i] : undefined;
    if (PIP_GENERAL_VALUED.includes(value.replace(DASHES, '')) && !value.includes('=')) i++;
  }
  return undefined;
}

/** `PIP_NO_CACHE_DIR` set to a truthy value by ENV (or ARG with a default), or undefined when the instruction does not touch it. */
function noCacheSetting(instruction: Instruction): boolean | undefined {
  if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') return undefined;
  let setting: boolean | undefined;
  for (const p of instruction.properties) {
    if (p.key !== 'PIP_NO_CACHE_DIR') continue;
    setting = TRUTHY.test(p.value ?? '');
  }
  return setting;
}

export default defineRule(
  {
    id: 'DL3042',
    source: 'hadolint',
    severity: 'warning',
    description: 'Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`',
    rationale:
      'pip keeps every wheel it downloads or builds in ~/.cache/pip; in an image that cache is dead weight stored in the layer for good. `--no-cache-dir` (or `ENV PIP_NO_CACHE_DIR=1`, or a BuildKit cache mount on ~/.cache/pip) keeps it out of the image.',
    examples: {
      bad: 'FROM python:3.12-slim\nRUN pip install flask==3.0.3\n',
      good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n',
    },
    docs: hadolintDocs('DL3042'),
    fixable: true,
    stages: { mode: 'inherits', note: 'PIP_NO_CACHE_DIR set in the stage it is built on carries over' },
  },
  (ctx) => {
    // PIP_NO_CACHE_DIR set in a stage carries over to stages built FROM it (by stage index).
    const stageSetting: boolean[] = [];
    const check = (instruction: Instruction, noCache: boolean) => {
      // A BuildKit cache or tmpfs mount over pip's cache keeps it out of the layer.
      if (noCache || hasMountOver(instruction, ['cache', 'tmpfs'], (target) => target.includes('.cache/pip'))) return;
      const script = ctx.shell(instruction);
      if (!script || SCRIPT_SETS_NO_CACHE.test(script.text)) return;
      for (const command of script.commands) {
        const install = installWord(command);
        if (!install || hasFlag(command, 'no-cache-dir')) continue;
        const name = command.nameWord ?? install;
        const shown = `${basename(command.name)}${PYTHON.test(basename(command.name)) ? ' -m pip' : ''}`;
        ctx.report({
          range: { start: name.range.start, end: install.range.end },
          message: `Avoid use of cache directory with pip: use \`${shown} install --no-cache-dir …\``,
          fixes: [fix('Add --no-cache-dir', insertAfter(install.range, ' --no-cache-dir'))],
        });
      }
    };
    for (const stage of ctx.model.stages) {
      let noCache = (stage.parent && stageSetting[stage.parent.index]) ?? false;
      for (const instruction of stage.instructions) {
        noCache = noCacheSetting(instruction) ?? noCache;
        if (instruction.keyword === 'RUN') check(instruction, noCache);
        // An ONBUILD RUN runs in a child image, which inherits this stage's ENV.
        else if (instruction.trigger?.keyword === 'RUN') check(instruction.trigger, noCache);
      }
      stageSetting[stage.index] = noCache;
    }
  },
);
