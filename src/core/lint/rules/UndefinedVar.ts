import type { Instruction, Range } from '../../dockerfile/model';
import { mappedText, rangeText } from '../../dockerfile/model';
import { levenshtein, suggestName } from '../../dockerfile/spelling';
import { expandWord, globalScope, parentStageIndex, predefinedArgs } from '../../dockerfile/variables';
import { buildkitDocs, defineRule } from '../define';

/** The predefined platform args (BUILDPLATFORM, TARGETARCH, …). */
const PLATFORM_ARGS: ReadonlyMap<string, string> = predefinedArgs();

/** Build args Docker passes to RUN without any ARG (the proxy family). */
const PROXY_ARGS = new Set(
  ['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY'].flatMap((name) => [name, name.toLowerCase()]),
);

/** Names BuildKit's env has in every stage: it sets PATH when the base image does not. */
const ALWAYS_SET = ['PATH'];
/** ARGs BuildKit never turns into environment variables; it does not report them either. */
const NON_ENV_ARGS = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);
const LOWERCASE = /[a-z]/;

interface Scope {
  known: Set<string>;
  /** The stage chain starts at an image whose environment we cannot see (anything but scratch). */
  imageEnvUnknown: boolean;
}

/** The parts of an instruction BuildKit expands with the stage's variables (not RUN/CMD/ENTRYPOINT shell text). */
function expandedRegions(instruction: Instruction): Range[] {
  const regions: Range[] = [];
  const flags = (...names: string[]) => {
    for (const f of instruction.flags) if (f.valueRange && names.includes(f.name.toLowerCase())) regions.push(f.valueRange);
  };
  switch (instruction.keyword) {
    case 'ENV':
    case 'LABEL':
      for (const p of instruction.properties) {
        regions.push(p.keyRange);
        if (p.valueRange) regions.push(p.valueRange);
      }
      break;
    case 'ADD':
    case 'COPY':
      flags('chown', 'chmod');
      if (instruction.argsRange) {
        const r = instruction.argsRange;
        // Heredoc bodies are file contents, not words BuildKit expands here.
        const end = instruction.heredocs.length > 0 ? { line: r.start.line, character: Number.MAX_SAFE_INTEGER } : r.end;
        regions.push({ start: r.start, end });
      }
      break;
    case 'WORKDIR':
    case 'USER':
    case 'VOLUME':
    case 'STOPSIGNAL':
      if (instruction.argsRange) regions.push(instruction.argsRange);
      break;
    case 'RUN':
      flags('mount');
      break;
  }
  return regions;
}

export default defineRule(
  {
    id: 'UndefinedVar',
    source: 'buildkit',
    severity: 'warning',
    description: 'Variables should be defined before their use',
    rationale:
      'BuildKit expands variables in ENV, ARG, LABEL, COPY, ADD, WORKDIR, USER, VOLUME and RUN --mount itself, and an undefined one silently becomes an empty string: `COPY $APP_DIR/ .` copies the whole context. Typos and global ARGs that were never redeclared in the stage are the usual causes.',
    examples: {
      bad: 'ARG VERSION=1.2.3\nFROM alpine:3.20\nCOPY app-$VERSION.tar.gz /opt/\n',
      good: 'ARG VERSION=1.2.3\nFROM alpine:3.20\nARG VERSION\nCOPY app-$VERSION.tar.gz /opt/\n',
    },
    docs: buildkitDocs('UndefinedVar'),
    fixable: false,
  },
  (ctx) => {
    const model = ctx.model;
    const globalNames = new Set(model.globalArgs.flatMap((a) => a.properties.map((d) => d.key)));
    // Where each name is declared in a stage; `ENV X=$X:…` alone does not count (it extends the image's X).
    const declaredBy = new Map<string, Instruction[]>();
    const declare = (name: string, by: Instruction) => declaredBy.set(name, [...(declaredBy.get(name) ?? []), by]);
    for (const stage of model.stages) {
      for (const i of stage.instructions) {
        if (i.keyword === 'ARG') for (const d of i.properties) declare(d.key, i);
        if (i.keyword === 'ENV') for (const p of i.properties) declare(p.key, i);
      }
    }
    const declaredElsewhere = (name: string, instruction: Instruction) => globalNames.has(name) || (declaredBy.get(name) ?? []).some((i) => i !== instruction);
    const globals = globalScope(model);
    const scopes: Scope[] = [];

    for (const stage of model.stages) {
      const base = stage.image ? expandWord(stage.image.raw, (k) => globals.values.get(k), model.escapeChar).value : '';
      const parent = base ? parentStageIndex(model, stage.index, base) : undefined;
      const scope: Scope =
        parent !== undefined
          ? { known: new Set(scopes[parent]!.known), imageEnvUnknown: scopes[parent]!.imageEnvUnknown }
          : { known: new Set(ALWAYS_SET), imageEnvUnknown: base.toLowerCase() !== 'scratch' };
      scopes.push(scope);

      const check = (instruction: Instruction, region: Range, reported: Set<string>) => {
        // Most regions hold no variable: the text as written answers that without mapping it.
        if (!rangeText(model, region).includes('$')) return;
        const mapped = mappedText(model, region);
        if (!mapped.text.includes('$')) return;
        const expansion = expandWord(mapped.text, (k) => (scope.known.has(k) || PROXY_ARGS.has(k) ? '' : undefined), model.escapeChar);
        for (const ref of expansion.refs) {
          if (ref.found || NON_ENV_ARGS.has(ref.name) || reported.has(ref.name)) continue;
          const suggestion = suggestName(ref.name, scope.known);
          // Without the base image's environment, an unknown UPPER_CASE name may well come from it
          // (PYTHON_VERSION, GOPATH…): report it only when the Dockerfile itself points at a mistake.
          // A typo keeps the length or is one edit away; GOPATH is no typo of PATH.
          const typo = suggestion !== undefined && (suggestion.length === ref.name.length || levenshtein(ref.name, suggestion, 3) === 1);
          const likelyMistake =
            !scope.imageEnvUnknown ||
            typo ||
            declaredElsewhere(ref.name, instruction) ||
            PLATFORM_ARGS.has(ref.name) ||
            LOWERCASE.test(ref.name);
          if (!likelyMistake) continue;
          reported.add(ref.name);
          let message = `Usage of undefined variable '$${ref.name}'`;
          if (suggestion) message += ` (did you mean $${suggestion}?)`;
          else if (globalNames.has(ref.name)) message += `: a global ARG is only visible in a stage after \`ARG ${ref.name}\` in that stage`;
          else if (PLATFORM_ARGS.has(ref.name)) message += `: declare \`ARG ${ref.name}\` in this stage to get the predefined build argument`;
          else message += ': declare it with ARG or ENV before this instruction';
          ctx.report({ range: mapped.range(ref.start, ref.end), message });
        }
      };

      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'FROM') continue;
        // BuildKit reports each undefined name once per instruction.
        const reported = new Set<string>();
        if (instruction.keyword === 'ARG') {
          // Each ARG default is expanded before the next name is declared.
          for (const d of instruction.properties) {
            if (d.valueRange) check(instruction, d.valueRange, reported);
            scope.known.add(d.key);
          }
          continue;
        }
        for (const region of expandedRegions(instruction)) check(instruction, region, reported);
        // ENV assignments take effect after the whole instruction was expanded.
        if (instruction.keyword === 'ENV') for (const p of instruction.properties) scope.known.add(p.key);
      }
    }
  },
);
