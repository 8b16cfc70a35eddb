// Reads the cases of one hadolint rule spec (test/Hadolint/Rule/DL*Spec.hs): each `ruleCatches`,
// `ruleCatchesNot`, `onBuildRuleCatches`, `onBuildRuleCatchesNot` and `assertChecks … (failsWith N code)`
// with the Dockerfile it is given, whether written inline, as `Text.unlines [ … ]`, or bound by a `let`
// earlier. A case run under a `?config` other than `def`, or whose arguments are not plain strings, is
// returned as skipped with the reason.
import type { Extracted, HadolintCase, SkippedCase } from './case';
import { tokenizeHaskell, type HsToken } from './haskell-tokens';

type Value = { text: string } | { lines: string[] } | { unread: string };

/** The spec helpers, as test/Helpers.hs defines them: how many findings of the code each one expects. */
const CATCHES: Record<string, { onbuild: boolean; min: number; max?: number }> = {
  ruleCatches: { onbuild: false, min: 1 },
  ruleCatchesNot: { onbuild: false, min: 0, max: 0 },
  onBuildRuleCatches: { onbuild: true, min: 1, max: 1 },
  onBuildRuleCatchesNot: { onbuild: true, min: 0, max: 0 },
};
const ASSERTS: Record<string, boolean> = { assertChecks: false, assertOnBuildChecks: true };
const UNLINES = new Set(['Text.unlines', 'T.unlines', 'unlines']);
const KEYWORDS = new Set(['let', 'in', 'do', 'where', 'it', 'describe', 'def', 'spec']);

interface Scope {
  column: number;
  /** Why cases in it cannot be run (a ?config other than def), or undefined. */
  reason?: string;
}

class SpecReader {
  private pos = 0;
  private readonly bindings = new Map<string, Value>();
  private readonly describes: { column: number; name: string }[] = [];
  private it: { column: number; name: string } | undefined;
  private readonly configs: Scope[] = [];
  readonly cases: HadolintCase[] = [];
  readonly skipped: SkippedCase[] = [];

  constructor(private readonly file: string, private readonly tokens: HsToken[]) {}

  private peek(offset = 0): HsToken | undefined {
    return this.tokens[this.pos + offset];
  }

  private isSymbol(token: HsToken | undefined, value: string): boolean {
    return token?.kind === 'symbol' && token.value === value;
  }

  read(): void {
    while (this.pos < this.tokens.length) {
      const t = this.peek()!;
      if (t.firstOnLine) this.leaveScopes(t.column);
      const next = this.peek(1);
      if (t.kind === 'name' && (t.value === 'describe' || t.value === 'it') && next?.kind === 'string') {
        if (t.value === 'describe') this.describes.push({ column: t.column, name: next.value });
        else this.it = { column: t.column, name: next.value };
        this.pos += 2;
      } else if (t.kind === 'name' && t.value === 'let' && this.isSymbol(next, '?') && this.peek(2)?.value === 'config') {
        this.readConfig(t.column);
      } else if (t.kind === 'name' && /^[a-z]/.test(t.value) && !KEYWORDS.has(t.value) && !(t.value in CATCHES) && this.isSymbol(next, '=')) {
        this.pos += 2;
        this.bindings.set(t.value, this.expr() ?? { unread: `the binding ${t.value} is not a string or a list of strings` });
      } else if (t.kind === 'name' && t.value in CATCHES) {
        this.pos++;
        const code = this.atom();
        const dockerfile = this.argument();
        this.emit(t, code, dockerfile, CATCHES[t.value]!);
      } else if (t.kind === 'name' && t.value in ASSERTS) {
        this.pos++;
        this.readAssert(t);
      } else {
        this.pos++;
      }
    }
  }

  /** A line starting at `column` closes the describes, the `it` and the `let ?config`s indented as much or more. */
  private leaveScopes(column: number): void {
    while (this.describes.length && this.describes[this.describes.length - 1]!.column >= column) this.describes.pop();
    if (this.it && this.it.column >= column) this.it = undefined;
    while (this.configs.length && this.configs[this.configs.length - 1]!.column > column) this.configs.pop();
  }

  /** `let ?config = def` (runnable) or `let ?config = def { field = … }` (not: the fields are named in the reason). */
  private readConfig(letColumn: number): void {
    this.pos += 3;
    if (this.isSymbol(this.peek(), '=')) this.pos++;
    if (this.peek()?.value === 'def' && this.peek(1)?.value !== '{') {
      this.pos++;
      this.configs.push({ column: letColumn });
      return;
    }
    const fields: string[] = [];
    let depth = 0;
    for (let t = this.peek(); t; t = this.peek()) {
      if ((t.firstOnLine && t.column <= letColumn) || (depth === 0 && t.value === 'in')) break;
      if (t.kind === 'symbol' && /^[([{]$/.test(t.value)) depth++;
      if (t.kind === 'symbol' && /^[)\]}]$/.test(t.value)) depth--;
      if (t.kind === 'name' && depth === 1 && this.isSymbol(this.peek(1), '=')) fields.push(t.value);
      this.pos++;
    }
    this.configs.push({ column: letColumn, reason: `needs a ?config (${fields.join(', ') || 'not def'})` });
  }

  /** `assertChecks <dockerfile> (failsWith N "code")`; other assertions (ShellCheck's) are skipped. */
  private readAssert(call: HsToken): void {
    const dockerfile = this.argument();
    const open = this.isSymbol(this.peek(), '(');
    const helper = this.peek(open ? 1 : 0);
    if (open && helper?.value === 'failsWith' && this.peek(2)?.kind === 'number') {
      const times = Number(this.peek(2)!.value);
      this.pos += 3;
      const code = this.atom();
      this.emit(call, code, dockerfile, { onbuild: ASSERTS[call.value]!, min: times, max: times });
    } else {
      this.skip(call, `${call.value} with ${helper?.value ?? 'an assertion'} is not read`);
    }
  }

  private origin(call: HsToken) {
    const name = [...this.describes.map((d) => d.name), ...(this.it ? [this.it.name] : [])].join(' > ');
    return { file: this.file, line: call.line, name };
  }

  private skip(call: HsToken, reason: string): void {
    this.skipped.push({ ...this.origin(call), reason });
  }

  private emit(call: HsToken, code: Value | undefined, dockerfile: Value | undefined, expect: { onbuild: boolean; min: number; max?: number }): void {
    const config = this.configs[this.configs.length - 1];
    if (config?.reason) return this.skip(call, config.reason);
    if (!code || !('text' in code)) return this.skip(call, 'the rule code is not a string');
    if (!/^DL\d{4}$/.test(code.text)) return this.skip(call, 'the rule code argument is not a DL code (a slip in the spec)');
    if (!dockerfile || !('text' in dockerfile)) {
      return this.skip(call, dockerfile && 'unread' in dockerfile ? dockerfile.unread : 'the Dockerfile argument is not read');
    }
    // Helpers.hs parses the text with a new line appended.
    this.cases.push({ ...this.origin(call), code: code.text, dockerfile: `${dockerfile.text}\n`, ...expect });
  }

  /** A call's last argument: `$ expr` or one atom. */
  private argument(): Value | undefined {
    if (this.isSymbol(this.peek(), '$')) {
      this.pos++;
      return this.expr();
    }
    return this.atom();
  }

  /** `a <> b <> …` over applications. */
  private expr(): Value | undefined {
    let value = this.application();
    while (value && this.isSymbol(this.peek(), '<>')) {
      this.pos++;
      const right = this.application();
      value = value && right && 'text' in value && 'text' in right ? { text: value.text + right.text } : { unread: 'a <> of values that are not strings' };
    }
    return value;
  }

  private application(): Value | undefined {
    const t = this.peek();
    if (t?.kind === 'name' && UNLINES.has(t.value)) {
      this.pos++;
      const list = this.argument();
      if (list && 'lines' in list) return { text: list.lines.map((l) => `${l}\n`).join('') };
      return list && 'unread' in list ? list : { unread: `${t.value} of something not a list of strings` };
    }
    if (t?.kind === 'name' && /^[A-Z]/.test(t.value)) {
      this.pos++;
      return { unread: `the Dockerfile is built by ${t.value}` };
    }
    return this.atom();
  }

  /** A string, a list of strings, a parenthesised expression or a bound name; undefined (nothing read) for anything else. */
  private atom(): Value | undefined {
    const t = this.peek();
    if (!t) return undefined;
    if (t.kind === 'string') {
      this.pos++;
      return { text: t.value };
    }
    if (this.isSymbol(t, '[')) {
      this.pos++;
      const lines: string[] = [];
      let unread: string | undefined;
      while (this.peek() && !this.isSymbol(this.peek(), ']')) {
        const item = this.expr();
        if (item && 'text' in item) lines.push(item.text);
        else unread ??= 'a list item that is not a string';
        if (this.isSymbol(this.peek(), ',')) this.pos++;
        else if (!this.isSymbol(this.peek(), ']')) return { unread: unread ?? 'a list not read' };
      }
      this.pos++;
      return unread ? { unread } : { lines };
    }
    if (this.isSymbol(t, '(')) {
      this.pos++;
      const inner = this.expr();
      if (this.isSymbol(this.peek(), ')')) {
        this.pos++;
        return inner;
      }
      return { unread: 'a parenthesised expression not read' };
    }
    if (t.kind === 'name' && /^[a-z]/.test(t.value) && !KEYWORDS.has(t.value)) {
      this.pos++;
      return this.bindings.get(t.value) ?? { unread: `${t.value} is not bound to a string in the spec` };
    }
    return undefined;
  }
}

/** The cases of one spec file; `file` is its path in the reference, for the report. */
export function extractHadolintCases(file: string, text: string): Extracted<HadolintCase> {
  const reader = new SpecReader(file, tokenizeHaskell(text));
  reader.read();
  return { cases: reader.cases, skipped: reader.skipped };
}
