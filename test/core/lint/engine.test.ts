import assert from 'node:assert/strict';
import { Linter, LintOptions } from '../../../src/core/lint/engine';
import { defineInstructionRule, defineRule } from '../../../src/core/lint/define';
import DL3000 from '../../../src/core/lint/rules/DL3000';
import DL3006 from '../../../src/core/lint/rules/DL3006';
import DL3008 from '../../../src/core/lint/rules/DL3008';
import DL3025 from '../../../src/core/lint/rules/DL3025';
import DL4006 from '../../../src/core/lint/rules/DL4006';

// Stand-ins for a BuildKit check and an off-by-default rule, to pin down how the engine treats them.
const buildkitCheck = defineRule(
  { id: 'FakeCheck', source: 'buildkit', severity: 'warning', description: 'every FROM', rationale: 'x'.repeat(30), examples: { bad: '', good: '' }, docs: 'https://x', fixable: false },
  (ctx) => ctx.model.stages.forEach((s) => ctx.report({ range: s.from.keywordRange, message: 'from' })),
);
const experimental = defineRule({ ...buildkitCheck.meta, id: 'FakeExperimental', experimental: true, offByDefault: true }, buildkitCheck.check);
const offByDefault = defineRule({ ...buildkitCheck.meta, id: 'DL9999', source: 'hadolint', offByDefault: true }, buildkitCheck.check);
const throwing = defineRule({ ...buildkitCheck.meta, id: 'Broken', source: 'syntax' }, () => {
  throw new Error('boom');
});

import DL3064 from '../../../src/core/lint/rules/DL3064';
import SecretsUsedInArgOrEnv from '../../../src/core/lint/rules/SecretsUsedInArgOrEnv';

describe('core/lint/engine', () => {
  let linter: Linter;
  before(async () => (linter = await Linter.create({ rules: [DL3000, DL3006, DL3008, DL3025, DL4006, buildkitCheck, experimental, offByDefault] })));
  const codes = (text: string, options?: LintOptions) => linter.lint(text, options).map((f) => `${f.range.start.line + 1}:${f.code}:${f.severity}`);

  it('reports findings sorted by position (line, then column) with their default severity', () => {
    assert.deepEqual(codes('FROM debian\nWORKDIR app\nCMD run\n'), ['1:FakeCheck:warning', '1:DL3006:warning', '2:DL3000:error', '3:DL3025:warning']);
  });

  it('# hadolint ignore= silences the listed rules on the next instruction only', () => {
    const text = 'FROM debian:12\n# hadolint ignore=DL3008,DL4006\nRUN apt-get install -y a | tee x\nRUN apt-get install -y b\n';
    assert.deepEqual(codes(text).filter((c) => !c.includes('Fake')), ['4:DL3008:warning']);
  });

  it('an ignore pragma covers every line of a multi-line instruction, and skips comment lines before it', () => {
    const text = 'FROM debian:12\n# hadolint ignore=DL3008\n# why: pinned by the base image\nRUN apt-get install -y \\\n  a \\\n  b\n';
    assert.deepEqual(codes(text).filter((c) => c.includes('DL3008')), []);
  });

  it('an alias in a pragma silences the finding (JSONArgsRecommended → DL3025)', () => {
    assert.deepEqual(codes('FROM busybox:1\n# hadolint ignore=JSONArgsRecommended\nCMD run\n').filter((c) => c.includes('DL3025')), []);
  });

  it('# hadolint global ignore= silences a rule everywhere', () => {
    assert.deepEqual(codes('# hadolint global ignore=DL3006\nFROM a\nFROM b\n').filter((c) => c.includes('DL3006')), []);
  });

  it('disable-ignore-pragma makes pragmas ineffective', () => {
    const text = 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y a\n';
    assert.deepEqual(codes(text, { config: { disableIgnorePragma: true } }).filter((c) => c.includes('DL3008')), ['3:DL3008:warning']);
  });

  it('config `ignored` accepts ids and aliases', () => {
    assert.deepEqual(codes('FROM busybox:1\nCMD a\nWORKDIR x\n', { config: { ignored: ['JSONArgsRecommended', 'WorkdirRelativePath'] } }).filter((c) => !c.includes('Fake')), []);
  });

  it('config `override` changes severity', () => {
    assert.deepEqual(codes('FROM debian\n', { config: { override: { error: ['DL3006'], style: ['FakeCheck'] } } }), ['1:FakeCheck:style', '1:DL3006:error']);
  });

  it('editor severities win over the config and can turn a rule off', () => {
    assert.deepEqual(codes('FROM debian\n', { config: { override: { error: ['DL3006'] }, severities: { DL3006: 'info', FakeCheck: 'off' } } }), ['1:DL3006:info']);
  });

  it('# check=skip= silences BuildKit checks, not hadolint rules', () => {
    assert.deepEqual(codes('# check=skip=FakeCheck\nFROM debian\n'), ['2:DL3006:warning']);
    assert.deepEqual(codes('# check=skip=all\nFROM debian\n'), ['2:DL3006:warning']);
  });

  it('# check=error=true makes BuildKit checks errors', () => {
    assert.deepEqual(codes('# syntax=docker/dockerfile:1\n# check=error=true\nFROM debian:12\n'), ['3:FakeCheck:error']);
  });

  it('a # check= line after the first instruction is not a directive', () => {
    assert.deepEqual(codes('FROM debian:12\n# check=skip=all\n'), ['1:FakeCheck:warning']);
  });

  it('experimental checks run only when # check=experimental= names them (or all)', () => {
    assert.ok(!codes('FROM debian:12\n').some((c) => c.includes('FakeExperimental')));
    assert.ok(codes('# check=experimental=FakeExperimental\nFROM debian:12\n').some((c) => c.includes('FakeExperimental')));
    assert.ok(codes('# check=experimental=all\nFROM debian:12\n').some((c) => c.includes('FakeExperimental')));
  });

  it('an off-by-default rule runs when an override list names it, at that severity', () => {
    assert.ok(!codes('FROM debian:12\n').some((c) => c.includes('DL9999')));
    assert.ok(codes('FROM debian:12\n', { config: { override: { info: ['DL9999'] } } }).includes('1:DL9999:info'));
  });

  it('does not run shell rules when SHELL is PowerShell or # hadolint shell=powershell', () => {
    assert.deepEqual(codes('FROM debian:12\nSHELL ["pwsh", "-c"]\nRUN apt-get install -y curl\n').filter((c) => c.includes('DL3008')), []);
    assert.deepEqual(codes('# hadolint shell=powershell\nFROM debian:12\nRUN apt-get install -y curl\n').filter((c) => c.includes('DL3008')), []);
  });

  it('a stage built FROM a PowerShell stage runs its RUNs in PowerShell too; an unrelated stage does not', () => {
    const text = 'FROM debian:12 AS win\nSHELL ["pwsh", "-c"]\nFROM win\nRUN apt-get install -y curl\nFROM debian:12\nRUN apt-get install -y curl\n';
    assert.deepEqual(codes(text).filter((c) => c.includes('DL3008')), ['6:DL3008:warning']);
  });

  it('turns a rule that throws into an error finding naming the rule, keeping the others', async () => {
    const l = linter.withRules([throwing, DL3006]);
    const found = l.lint('FROM debian\n');
    assert.deepEqual(found.map((f) => f.code), ['Broken', 'DL3006']);
    assert.match(found[0]!.message, /^internal error in rule Broken: boom/);
  });

  it('turns a per-instruction rule that throws into an error finding each time, never caching its half-done findings', () => {
    let calls = 0;
    const flaky = defineInstructionRule({ ...throwing.meta, id: 'Flaky' }, 'RUN', (instruction, ctx) => {
      calls++;
      ctx.report({ range: instruction.keywordRange, message: 'before the crash' });
      throw new Error('boom');
    });
    const l = linter.withRules([flaky, DL3008]);
    for (let i = 0; i < 2; i++) {
      const found = l.lint('FROM debian:12\nRUN apt-get install -y curl\n');
      assert.deepEqual(found.map((f) => `${f.code}:${f.range.start.line}:${f.message.split(':')[0]}`), ['Flaky:0:internal error in rule Flaky', 'Flaky:1:before the crash', 'DL3008:1:Pin versions in apt-get install']);
    }
    assert.equal(calls, 2);
  });

  it('DL3064 and SecretsUsedInArgOrEnv on the same name are one finding carrying both ids; each is silenced by its own names, the other then shown alone', async () => {
    const both = await Linter.create({ rules: [DL3064, SecretsUsedInArgOrEnv] });
    const found = (text: string) => both.lint(text).map((f) => `${f.range.start.line + 1}:${f.code}:${f.aliases.join(',')}`);
    assert.deepEqual(found('FROM busybox\nENV API_TOKEN=x\n'), ['2:DL3064:SecretsUsedInArgOrEnv']);
    assert.deepEqual(found('FROM busybox\n# check=skip=SecretsUsedInArgOrEnv\nENV API_TOKEN=x\n'), ['3:DL3064:']);
    assert.deepEqual(found('# check=skip=SecretsUsedInArgOrEnv\nFROM busybox\nENV API_TOKEN=x\n'), ['3:DL3064:']);
    assert.deepEqual(found('FROM busybox\n# hadolint ignore=DL3064\nENV API_TOKEN=x\n'), ['3:SecretsUsedInArgOrEnv:']);
    assert.deepEqual(found('FROM busybox\nENV AUTH=x DB_PASSWORD_HINT=y\n'), ['2:SecretsUsedInArgOrEnv:', '2:DL3064:SecretsUsedInArgOrEnv'], 'only BuildKit lists AUTH; both list DB_PASSWORD_HINT');
  });

  it('never throws on binary garbage, an empty file or a lone keyword', () => {
    for (const text of ['', '\u0000\u0001\uffff', 'RUN', 'FROM', '\\\n\\\n', 'FROM a\nRUN <<EOF\nunterminated']) assert.doesNotThrow(() => linter.lint(text));
  });
});
