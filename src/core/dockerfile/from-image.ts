// The parts of a FROM image (`registry/name:tag@digest`), split as dockerfile-ast's From splits them.
import type { ImageRef, Range } from './types';
import type { RawWord, Source } from './tokenize';

/** The image of a FROM whose arguments (after flags) are `args`; `words` are all its words, flags included. */
export function imageOf(source: Source, args: RawWord[], words: RawWord[]): ImageRef | null {
  const image = args[0];
  if (!image || !image.value) return null;
  return new ImageParts(source, image, words).ref();
}

/**
 * dockerfile-ast looks for `@`, `:` and `/` in the image word as written, skipping those inside a variable
 * (`$VAR`, `${VAR…}`) anywhere in the instruction.
 */
class ImageParts {
  private readonly start: number;
  private readonly text: string;
  private readonly variables: [number, number][];

  constructor(
    private readonly source: Source,
    private readonly image: RawWord,
    words: RawWord[],
  ) {
    this.start = source.norm(image.start);
    this.text = source.slice(image.start, image.end);
    this.variables = words.flatMap((w) => variableSpans(source, w));
  }

  ref(): ImageRef {
    const source = this.source;
    const tagRange = this.tagRange();
    const digestRange = this.digestRange();
    const registryRange = this.registryRange(tagRange, digestRange);
    return {
      raw: this.image.value,
      registry: registryRange ? this.rangeText(registryRange) : null,
      name: this.name(registryRange, tagRange, digestRange),
      tag: tagRange ? this.rangeText(tagRange) : null,
      digest: digestRange ? this.rangeText(digestRange) : null,
      range: source.range(this.image.start, this.image.end),
      tagRange,
    };
  }

  private rangeText(range: Range): string {
    return this.source.slice(this.source.offsetAt(range.start), this.source.offsetAt(range.end));
  }

  /** `text.indexOf(search)` (or lastIndexOf), passing over matches inside a variable; `text` starts at document offset `at`. */
  private find(text: string, at: number, search: string, last: boolean): number {
    let index = last ? text.lastIndexOf(search) : text.indexOf(search);
    for (let k = 0; k < this.variables.length; k++) {
      const [from, to] = this.variables[k]!;
      const position = at + index;
      if (from < position && position < to) {
        if (last) index = text.substring(0, index).lastIndexOf(search);
        else {
          const sub = text.substring(to - at).indexOf(search);
          index = sub === -1 ? -1 : sub + (to - at);
        }
        if (index === -1) return -1;
        k = -1;
      }
    }
    return index;
  }

  /** After the last `:` past the first `/` when there is no `@`; else between a `:` and the `@` (not a port's). */
  private tagRange(): Range | null {
    const { source, text, start } = this;
    const at = this.find(text, start, '@', false);
    const slash = text.indexOf('/');
    if (at === -1) {
      const colon = this.find(text, start, ':', true);
      if (colon > slash) return { start: source.positionAt(start + colon + 1), end: source.positionAt(this.image.end) };
    }
    const beforeAt = text.substring(0, at);
    const colon = beforeAt.indexOf(':');
    if (colon === -1) return null;
    if (slash === -1) return source.range(start + colon + 1, start + at);
    if (colon < slash) return null;
    return source.range(start + colon + 1, start + beforeAt.length);
  }

  /** After the last `@`; dockerfile-ast counts its start in characters from the word's start position. */
  private digestRange(): Range | null {
    const index = this.find(this.text, this.start, '@', true);
    if (index === -1) return null;
    const range = this.source.range(this.image.start, this.image.end);
    return { start: { line: range.start.line, character: range.start.character + index + 1 }, end: range.end };
  }

  /** The image without its tag or digest. */
  private withoutTag(tagRange: Range | null, digestRange: Range | null): Range {
    const range = this.source.range(this.image.start, this.image.end);
    const cut = tagRange ?? digestRange;
    if (cut) range.end = this.source.positionAt(this.source.offsetAt(cut.start) - 1);
    return range;
  }

  /** The part before the first `/`, when it has a `.` or `:` anywhere in the image or is `localhost`. */
  private registryRange(tagRange: Range | null, digestRange: Range | null): Range | null {
    const source = this.source;
    const range = this.withoutTag(tagRange, digestRange);
    const from = source.offsetAt(range.start);
    const text = source.slice(from, source.offsetAt(range.end));
    const slash = this.find(text, from, '/', false);
    if (slash === -1) return null;
    if (this.find(text, from, ':', false) !== -1 || this.find(text, from, '.', false) !== -1 || text.substring(0, slash) === 'localhost') {
      return { start: range.start, end: source.positionAt(from + slash) };
    }
    return null;
  }

  /** The name between registry and tag, with escapes, newlines, blanks and escaped comment lines dropped. */
  private name(registryRange: Range | null, tagRange: Range | null, digestRange: Range | null): string {
    const source = this.source;
    const escape = source.escapeChar;
    const range = this.withoutTag(tagRange, digestRange);
    if (registryRange) range.start = source.positionAt(source.offsetAt(registryRange.end) + 1);
    const text = this.rangeText(range);
    let commented = false;
    let escaped = false;
    let name = '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === escape) escaped = true;
      else if (c === '\n') commented = false;
      else if (c === '#') {
        if (escaped) commented = true;
        else {
          name += c;
          escaped = false;
        }
      } else if (c !== '\r' && c !== ' ' && c !== '\t' && !commented) {
        name += c;
        escaped = false;
      }
    }
    return name;
  }
}

/**
 * The document spans of the variables in a word as written (dockerfile-ast's parseVariables): `${…}` to its
 * `}`, and `$name` to the first character that is not a letter, digit or `_` (blanks and newlines inside
 * are stepped over). An escape inside a variable jumps to the next newline of the word, if any.
 */
function variableSpans(source: Source, word: RawWord): [number, number][] {
  const escape = source.escapeChar;
  const text = source.slice(word.start, word.end);
  const spans: [number, number][] = [];
  if (text.indexOf('$') < 0) return spans;
  const base = source.norm(word.start);
  const span = (from: number, to: number) => spans.push([source.norm(base + from), source.norm(base + to)]);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === escape) {
      if (text[i + 1] === '$') i++;
      continue;
    }
    if (c !== '$') continue;
    if (text[i + 1] === '{') {
      let j = i + 2;
      for (; j < text.length; j++) {
        const d = text[j];
        if (d === '}') break;
        if (d === escape) {
          const newline = text.indexOf('\n', j + 1);
          if (newline >= 0) j = newline;
        }
      }
      if (j >= text.length) return spans; // no `}`: nothing more is read
      span(i, j + 1);
      i = j;
      continue;
    }
    const next = text.charAt(i + 1);
    if (next === ' ' || next === '\t' || next === '\r' || next === '\n' || i === text.length - 1) continue;
    let j = i + 1;
    for (; j < text.length; j++) {
      const d = text[j]!;
      if (d === '\r' || d === '\n' || d === ' ' || d === '\t') continue;
      if (d === escape) {
        const newline = text.indexOf('\n', j + 1);
        if (newline >= 0) {
          j = newline;
          continue;
        }
        span(i, j);
        return spans;
      }
      if (!/[a-z0-9_]/i.test(d)) break;
    }
    span(i, j);
    if (j >= text.length) return spans;
    i = j - 1;
  }
  return spans;
}
