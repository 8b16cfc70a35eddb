// Reads BuildKit's lint tests (frontend/dockerfile/dockerfile_check_test.go): each
// `checkLinterWarnings(t, sb, &lintTestParams{…})` with the Dockerfile it names (a `[]byte(`…`)` literal,
// or a variable assigned one earlier in the test function, `fmt.Sprintf`/`fmt.Appendf` of string values,
// `integration.UnixOrWindows` taken on its Unix side) and the warnings it expects, including ones built
// by a small helper closure of the test. A case needing what a Dockerfile alone does not say (a build
// context, build args, frontend attributes, an error exit other than `error=true`'s) is skipped with why.
import type { BuildkitCase, ExpectedWarning, Extracted, SkippedCase } from './case';
import { tokenizeGo, type GoToken } from './go-tokens';

type Value = { text: string } | { unread: string };
/** A field of a warning in a helper closure: a constant, or the closure's parameter at this index. */
type Arg = { text: string } | { param: number };

interface WarningMaker {
  params: string[];
  rule: Arg;
  line: Arg;
}

interface Params {
  dockerfile?: Value;
  warnings?: ExpectedWarning[] | { unread: string };
  unmarshalWarnings?: ExpectedWarning[] | { unread: string };
  buildErr?: Value;
  frontendAttrs?: string[];
  present: Set<string>;
}

function formatGo(format: string, args: string[]): string {
  let k = 0;
  return format.replace(/%[-+# 0]*\d*([sqvd%])/g, (_, verb: string) => {
    if (verb === '%') return '%';
    const arg = args[k++] ?? '';
    return verb === 'q' ? JSON.stringify(arg) : arg;
  });
}

class CheckTestReader {
  private pos = 0;
  private func = '';
  private subtest: string | undefined;
  private callsInFunc = 0;
  private readonly bindings = new Map<string, Value>();
  private readonly makers = new Map<string, WarningMaker>();
  readonly cases: BuildkitCase[] = [];
  readonly skipped: SkippedCase[] = [];

  constructor(private readonly file: string, private readonly tokens: GoToken[]) {}

  private peek(offset = 0): GoToken | undefined {
    return this.tokens[this.pos + offset];
  }

  private is(offset: number, value: string): boolean {
    const t = this.peek(offset);
    return !!t && t.kind !== 'string' && t.value === value;
  }

  private expect(value: string): boolean {
    if (!this.is(0, value)) return false;
    this.pos++;
    return true;
  }

  read(): void {
    while (this.pos < this.tokens.length) {
      const t = this.peek()!;
      if (t.value === 'func' && t.kind === 'name' && this.peek(1)?.kind === 'name' && this.is(2, '(')) {
        this.func = this.peek(1)!.value;
        this.bindings.clear();
        this.makers.clear();
        this.callsInFunc = 0;
        this.subtest = undefined;
        this.pos += 2;
      } else if (t.kind === 'name' && t.value === 't.Run' && this.is(1, '(') && this.peek(2)?.kind === 'string') {
        this.subtest = this.peek(2)!.value;
        this.pos += 3;
      } else if (t.kind === 'name' && !t.value.includes('.') && (this.is(1, ':=') || this.is(1, '='))) {
        this.pos += 2;
        if (this.is(0, 'func')) this.readMaker(t.value);
        else this.bindings.set(t.value, this.stringExpr() ?? { unread: `${t.value} is not a string the bench reads` });
      } else if (t.kind === 'name' && t.value === 'checkLinterWarnings' && this.is(1, '(')) {
        this.readCheck(t);
      } else {
        this.pos++;
      }
    }
  }

  /** Skips one value: up to the `,` or closing bracket that ends it. */
  private skipValue(): void {
    let depth = 0;
    for (let t = this.peek(); t; t = this.peek()) {
      if (t.kind === 'symbol' && /^[([{]$/.test(t.value)) depth++;
      else if (t.kind === 'symbol' && /^[)\]}]$/.test(t.value)) {
        if (depth === 0) return;
        depth--;
      } else if (depth === 0 && t.kind === 'symbol' && t.value === ',') return;
      this.pos++;
    }
  }

  /** Call arguments up to the closing parenthesis, each read as a string where it is one. */
  private callArgs(): Value[] {
    const out: Value[] = [];
    while (this.peek() && !this.is(0, ')')) {
      const start = this.pos;
      const value = this.stringExpr();
      if (!value || !(this.is(0, ',') || this.is(0, ')'))) {
        this.pos = start;
        this.skipValue();
        out.push({ unread: 'an argument that is not a string' });
      } else out.push(value);
      this.expect(',');
    }
    this.expect(')');
    return out;
  }

  private stringExpr(): Value | undefined {
    let value = this.stringTerm();
    while (value && this.is(0, '+')) {
      this.pos++;
      const right = this.stringTerm();
      value = 'text' in value && right && 'text' in right ? { text: value.text + right.text } : { unread: 'a + of values that are not strings' };
    }
    return value;
  }

  private stringTerm(): Value | undefined {
    const t = this.peek();
    if (!t) return undefined;
    if (t.kind === 'string' || t.kind === 'number') {
      this.pos++;
      return { text: t.value };
    }
    if (this.is(0, '[') && this.is(1, ']') && this.is(2, 'byte') && this.is(3, '(')) {
      this.pos += 4;
      return this.single(this.callArgs());
    }
    if (t.kind !== 'name') return undefined;
    if (this.is(1, '(')) {
      this.pos += 2;
      const args = this.callArgs();
      const unread = args.find((a): a is { unread: string } => 'unread' in a);
      const texts = args.map((a) => ('text' in a ? a.text : ''));
      if (t.value === 'string') return this.single(args);
      if (t.value === 'integration.UnixOrWindows') return args[0] ?? { unread: 'UnixOrWindows without arguments' };
      if (t.value === 'fmt.Sprintf') return unread ?? { text: formatGo(texts[0] ?? '', texts.slice(1)) };
      if (t.value === 'fmt.Appendf') {
        // fmt.Appendf(nil, format, args…): the nil is not a string; the rest must be.
        const rest = args.slice(1);
        const restUnread = rest.find((a): a is { unread: string } => 'unread' in a);
        return restUnread ?? { text: formatGo(texts[1] ?? '', texts.slice(2)) };
      }
      return { unread: `the Dockerfile is built by ${t.value}` };
    }
    this.pos++;
    return this.bindings.get(t.value) ?? { unread: `${t.value} is not a string the bench reads` };
  }

  private single(args: Value[]): Value {
    return args.length === 1 ? args[0]! : { unread: 'a conversion of more than one value' };
  }

  /** `name := func(a T, b U) expectedLintWarning { return expectedLintWarning{ RuleName: …, Line: … } }`. */
  private readMaker(name: string): void {
    this.pos++; // func
    if (!this.expect('(')) return;
    const params: string[] = [];
    while (this.peek() && !this.is(0, ')')) {
      if (this.peek()!.kind === 'name') params.push(this.peek()!.value);
      this.skipValue();
      this.expect(',');
    }
    this.expect(')');
    if (!(this.expect('expectedLintWarning') && this.expect('{') && this.expect('return') && this.expect('expectedLintWarning') && this.is(0, '{'))) return;
    const fields = this.warningFields(params);
    if (fields.rule && fields.line) this.makers.set(name, { params, rule: fields.rule, line: fields.line });
  }

  /** `{ RuleName: …, Line: …, … }`, the braces included; parameter names resolve to their index. */
  private warningFields(params: string[] = []): { rule?: Arg; line?: Arg } {
    const out: { rule?: Arg; line?: Arg } = {};
    if (!this.expect('{')) return out;
    while (this.peek() && !this.is(0, '}')) {
      const field = this.peek()!.value;
      this.pos++;
      if (!this.expect(':')) return out;
      const t = this.peek();
      const arg: Arg | undefined =
        t?.kind === 'name' && params.includes(t.value) ? { param: params.indexOf(t.value) } : t?.kind === 'string' || t?.kind === 'number' ? { text: t.value } : undefined;
      if (field === 'RuleName' && arg) out.rule = arg;
      if (field === 'Line' && arg) out.line = arg;
      this.skipValue();
      this.expect(',');
    }
    this.expect('}');
    return out;
  }

  /** `[]expectedLintWarning{ {…}, expectedLintWarning{…}, maker(args), … }`. */
  private warningList(): ExpectedWarning[] | { unread: string } {
    if (!(this.expect('[') && this.expect(']') && this.expect('expectedLintWarning') && this.expect('{'))) {
      this.skipValue();
      return { unread: 'the expected warnings are not a literal list' };
    }
    const out: ExpectedWarning[] = [];
    let unread: string | undefined;
    while (this.peek() && !this.is(0, '}')) {
      this.expect('expectedLintWarning');
      const t = this.peek()!;
      let rule: Arg | undefined;
      let line: Arg | undefined;
      let args: Value[] = [];
      if (this.is(0, '{')) ({ rule, line } = this.warningFields());
      else if (t.kind === 'name' && this.makers.has(t.value) && this.is(1, '(')) {
        this.pos += 2;
        args = this.callArgs();
        ({ rule, line } = this.makers.get(t.value)!);
      } else this.skipValue();
      const resolve = (a: Arg | undefined) => (!a ? undefined : 'text' in a ? a.text : 'text' in (args[a.param] ?? {}) ? (args[a.param] as { text: string }).text : undefined);
      const ruleName = resolve(rule);
      const lineNumber = Number(resolve(line));
      if (ruleName && Number.isInteger(lineNumber)) out.push({ rule: ruleName, line: lineNumber });
      else unread ??= `a warning at line ${t.line} of the test not read`;
      this.expect(',');
    }
    this.expect('}');
    return unread ? { unread } : out;
  }

  private readParams(): Params {
    const params: Params = { present: new Set() };
    while (this.peek() && !this.is(0, '}')) {
      const field = this.peek()!.value;
      this.pos++;
      if (!this.expect(':')) break;
      params.present.add(field);
      if (field === 'Dockerfile' || field === 'BuildErr') {
        const start = this.pos;
        let value = this.stringExpr();
        if (!value || !(this.is(0, ',') || this.is(0, '}'))) {
          this.pos = start;
          this.skipValue();
          value = { unread: `the ${field} value is not a string the bench reads` };
        }
        if (field === 'Dockerfile') params.dockerfile = value;
        else params.buildErr = value;
      } else if (field === 'Warnings') params.warnings = this.warningList();
      else if (field === 'UnmarshalWarnings') params.unmarshalWarnings = this.warningList();
      else if (field === 'FrontendAttrs') {
        const start = this.pos;
        this.skipValue();
        params.frontendAttrs = this.tokens.slice(start, this.pos).filter((tok, k, all) => tok.kind === 'string' && all[k + 1]?.value === ':').map((tok) => tok.value);
      } else this.skipValue();
      this.expect(',');
    }
    return params;
  }

  private readCheck(call: GoToken): void {
    this.pos += 2;
    while (this.peek() && !(this.is(0, 'lintTestParams') && this.is(1, '{')) && !this.is(0, ')')) this.pos++;
    if (!this.is(0, 'lintTestParams')) return;
    this.pos += 2;
    const params = this.readParams();
    this.callsInFunc++;
    const origin = { file: this.file, line: call.line, name: `${this.func}${this.subtest ? `/${this.subtest}` : ''} #${this.callsInFunc}` };
    this.subtest = undefined;
    const reason = skipReason(params);
    if (reason) return void this.skipped.push({ ...origin, reason });
    // The lint subrequest (docker build --check) reports every target's warnings, the progress stream only the built
    // target's. The test checks the subrequest's list without its lines: a line there counts only where the progress
    // stream's list (whose lines are checked) has the same warning.
    const progress = (params.warnings ?? []) as ExpectedWarning[];
    const warnings = params.unmarshalWarnings
      ? (params.unmarshalWarnings as ExpectedWarning[]).map((w) => (progress.some((p) => p.rule === w.rule && p.line === w.line) ? w : { rule: w.rule }))
      : progress;
    this.cases.push({ ...origin, dockerfile: (params.dockerfile as { text: string }).text, warnings });
  }
}

/** Why a test cannot be run on its Dockerfile alone, or undefined when it can. */
function skipReason(params: Params): string | undefined {
  if (params.present.has('DockerIgnore') || params.present.has('TmpDir')) return 'needs a build context (.dockerignore)';
  const attrs = params.frontendAttrs ?? (params.present.has('FrontendAttrs') ? ['(not read)'] : []);
  if (attrs.some((a) => a.startsWith('build-arg:') && a !== 'build-arg:BUILDKIT_DOCKERFILE_CHECK')) return 'needs build args';
  if (attrs.includes('platform')) return 'needs a target platform and a pushed image';
  if (attrs.length) return `needs frontend attributes (${attrs.join(', ')})`;
  if (params.present.has('StreamBuildErrRegexp') || params.present.has('UnmarshalBuildErrRegexp')) return 'ends in a build error (matched by a regexp)';
  if (params.buildErr) {
    if ('unread' in params.buildErr) return 'ends in a build error (message not read)';
    if (!/^lint violation found for rules:/.test(params.buildErr.text)) {
      return /^dockerfile parse error/.test(params.buildErr.text) ? 'ends in a Dockerfile parse error' : 'ends in a build error other than a lint violation';
    }
  }
  if (!params.dockerfile) return 'no Dockerfile given';
  if ('unread' in params.dockerfile) return params.dockerfile.unread;
  for (const list of [params.warnings, params.unmarshalWarnings]) if (list && 'unread' in list) return list.unread;
  return undefined;
}

/** The check names BuildKit's linter defines (frontend/dockerfile/linter/ruleset.go: each rule's `Name:`). */
export function buildkitCheckNames(ruleset: string): string[] {
  return [...ruleset.matchAll(/\bName:\s*"(\w+)"/g)].map((m) => m[1]!);
}

export function extractBuildkitCases(file: string, text: string): Extracted<BuildkitCase> {
  const reader = new CheckTestReader(file, tokenizeGo(text));
  reader.read();
  return { cases: reader.cases, skipped: reader.skipped };
}
