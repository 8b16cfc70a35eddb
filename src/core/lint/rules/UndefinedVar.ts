import type { DockerfileModel, HeredocInfo, Instruction, MappedText, Position, Range } from '../../dockerfile/model';
import { mappedText, rangeText } from '../../dockerfile/model';
import { levenshtein, suggestName } from '../../dockerfile/spelling';
import { expandWord, globalScope, parentStageIndex, predefinedArgs, pulledImage } from '../../dockerfile/variables';
import { buildkitDocs, defineRule } from '../define';

/** The predefined platform args (BUILDPLATFORM, TARGETARCH, …). */
const PLATFORM_ARGS: ReadonlyMap<string, string> = predefinedArgs();

/** Names BuildKit's env has in every stage: it sets PATH when the base image does not. */
const ALWAYS_SET = ['PATH'];
/** ARGs BuildKit never turns into environment variables; it does not report them either. */
const NON_ENV_ARGS = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);
const LOWERCASE = /[a-z]/;

interface Scope {
  known: Set<string>;
  /** The stage chain starts at an image whose environment we cannot see (not scratch, not in the daemon). */
  imageEnvUnknown: boolean;
}

/** Text BuildKit expands: a word region of the instruction, or a heredoc body (quotes are plain text there). */
interface Region {
  range: Range;
  heredocBody: boolean;
}

/** The parts of an instruction BuildKit expands with the stage's variables (not RUN/CMD/ENTRYPOINT shell text). */
function expandedRegions(model: DockerfileModel, instruction: Instruction): Region[] {
  const regions: Region[] = [];
  const add = (range: Range) => regions.push({ range, heredocBody: false });
  const flags = (...names: string[]) => {
    for (const f of instruction.flags) if (f.valueRange && names.includes(f.name.toLowerCase())) add(f.valueRange);
  };
  switch (instruction.keyword) {
    case 'ENV':
    case 'LABEL':
      for (const p of instruction.properties) {
        add(p.keyRange);
        if (p.valueRange) add(p.valueRange);
      }
      break;
    case 'ADD':
    case 'COPY':
      // As BuildKit's AddCommand/CopyCommand.Expand: --chown, --chmod and ADD's --checksum (not --from, --exclude).
      flags('chown', 'chmod', ...(instruction.keyword === 'ADD' ? ['checksum'] : []));
      if (instruction.argsRange) {
        const r = instruction.argsRange;
        const end = instruction.heredocs.length > 0 ? { line: r.start.line, character: Number.MAX_SAFE_INTEGER } : r.end;
        add({ start: r.start, end });
      }
      // Their heredoc bodies are expanded too (ExpandRaw), unless the delimiter is quoted: `<<'EOF'`, `<<"EOF"`.
      for (const h of instruction.heredocs) {
        if (h.contentRange && !quotedDelimiter(model, h)) regions.push({ range: h.contentRange, heredocBody: true });
      }
      break;
    case 'WORKDIR':
    case 'USER':
    case 'VOLUME':
    case 'STOPSIGNAL':
      if (instruction.argsRange) add(instruction.argsRange);
      break;
    case 'RUN':
      flags('mount');
      break;
  }
  return regions;
}

/** `<<'EOF'`, `<<"EOF"` or `<<E"O"F`: the heredoc word as written holds a quote (nameRange covers the name only). */
function quotedDelimiter(model: DockerfileModel, heredoc: HeredocInfo): boolean {
  const line = model.lines[heredoc.nameRange.start.line] ?? '';
  const opener = line.lastIndexOf('<<', heredoc.nameRange.start.character);
  return /['"]/.test(line.slice(Math.max(opener, 0)).split(/\s/)[0]!);
}

/** A heredoc body as written, lines kept (no continuations, no comment lines dropped), mapped to the document. */
function bodyText(model: DockerfileModel, range: Range): MappedText {
  const text = rangeText(model, range);
  const at = (i: number): Position => {
    const before = text.slice(0, i);
    const line = range.start.line + (before.match(/\n/g)?.length ?? 0);
    const lineStart = before.lastIndexOf('\n') + 1;
    return { line, character: (line === range.start.line ? range.start.character : 0) + i - lineStart };
  };
  return { text, at, range: (start, end) => ({ start: at(start), end: at(end) }) };
}

export default defineRule(
  {
    id: 'UndefinedVar',
    source: 'buildkit',
    severity: 'warning',
    description: 'Variables should be defined before their use',
    rationale:
      'BuildKit expands variables in ENV, ARG, LABEL, COPY, ADD, WORKDIR, USER, VOLUME and RUN --mount itself, and an undefined one silently becomes an empty string: `COPY $APP_DIR/ .` copies the whole context. Typos and global ARGs that were never redeclared in the stage are the usual causes. ' +
      'COPY and ADD heredoc bodies are expanded too, unless the delimiter is quoted. A stage built `FROM` an earlier stage has that stage\'s ENV and ARGs, and runs its ONBUILD triggers first (their findings are shown on the FROM). ' +
      'Names the base image sets are known when the image is in the connected daemon (the editor asks it; `shipshape lint --docker` does too) and for scratch; for another image, an unknown UPPER_CASE name is assumed to come from it unless it looks like a typo or is declared elsewhere in the file.',
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
    // Where each name is declared in a stage (ONBUILD triggers included); `ENV X=$X:…` alone does not count (it extends the image's X).
    const declaredBy = new Map<string, Instruction[]>();
    const declare = (name: string, by: Instruction) => declaredBy.set(name, [...(declaredBy.get(name) ?? []), by]);
    for (const stage of model.stages) {
      for (const i of stage.instructions) {
        const declaring = i.trigger ?? i;
        if (declaring.keyword === 'ARG' || declaring.keyword === 'ENV') for (const d of declaring.properties) declare(d.key, declaring);
      }
    }
    const declaredElsewhere = (name: string, instruction: Instruction) => globalNames.has(name) || (declaredBy.get(name) ?? []).some((i) => i !== instruction);
    const globals = globalScope(model);
    // The references the daemon is asked about are those InvalidBaseImagePlatform asks about (its default platform).
    const images = ctx.localImages;
    const imageGlobals = images ? globalScope(model, images.defaultPlatform) : globals;
    const scopes: Scope[] = [];

    for (const stage of model.stages) {
      const base = stage.image ? expandWord(stage.image.raw, (k) => globals.values.get(k), model.escapeChar).value : '';
      const parent = base ? parentStageIndex(model, stage.index, base) : undefined;
      let scope: Scope;
      if (parent !== undefined) {
        scope = { known: new Set(scopes[parent]!.known), imageEnvUnknown: scopes[parent]!.imageEnvUnknown };
      } else if (base.toLowerCase() === 'scratch') {
        scope = { known: new Set(ALWAYS_SET), imageEnvUnknown: false };
      } else {
        // An image present in the daemon: its Config.Env says which names it sets, so any other is reported.
        const reference = pulledImage(model, stage, imageGlobals);
        const env = reference !== undefined ? images?.envOf?.(reference) : undefined;
        scope = { known: new Set([...ALWAYS_SET, ...(env ?? [])]), imageEnvUnknown: env === undefined };
      }
      scopes.push(scope);

      /** Checks one region; `trigger` is set for a parent's ONBUILD trigger, which BuildKit runs (and reports) at this FROM. */
      const check = (instruction: Instruction, region: Region, reported: Set<string>, trigger?: Instruction) => {
        // Most regions hold no variable: the text as written answers that without mapping it.
        if (!rangeText(model, region.range).includes('$')) return;
        const mapped = region.heredocBody ? bodyText(model, region.range) : mappedText(model, region.range);
        if (!mapped.text.includes('$')) return;
        const lookup = (k: string) => (scope.known.has(k) ? '' : undefined);
        // BuildKit expands heredoc bodies with its own lexer: `\` escapes, quotes left as text.
        const expansion = region.heredocBody ? expandWord(mapped.text, lookup, '\\', false) : expandWord(mapped.text, lookup, model.escapeChar);
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
          if (trigger) message += ` (in the ONBUILD trigger on line ${trigger.range.start.line + 1}, which runs at this FROM)`;
          ctx.report({ range: trigger ? (stage.image?.range ?? stage.from.range) : mapped.range(ref.start, ref.end), message });
        }
      };

      /** Checks an instruction, then adds what it declares to the scope. */
      const dispatch = (instruction: Instruction, trigger?: Instruction) => {
        // BuildKit reports each undefined name once per instruction.
        const reported = new Set<string>();
        if (instruction.keyword === 'ARG') {
          // Each ARG default is expanded before the next name is declared.
          for (const d of instruction.properties) {
            if (d.valueRange) check(instruction, { range: d.valueRange, heredocBody: false }, reported, trigger);
            scope.known.add(d.key);
          }
          return;
        }
        for (const region of expandedRegions(model, instruction)) check(instruction, region, reported, trigger);
        // ENV assignments take effect after the whole instruction was expanded.
        if (instruction.keyword === 'ENV') for (const p of instruction.properties) scope.known.add(p.key);
      };

      // As BuildKit: the ONBUILD triggers of the stage this one is built FROM run first, in this stage (not the
      // parent's own inherited triggers: those ran in the parent).
      if (parent !== undefined) {
        for (const i of model.stages[parent]!.instructions) if (i.trigger) dispatch(i.trigger, i.trigger);
      }
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'FROM') dispatch(instruction);
      }
    }
  },
);
