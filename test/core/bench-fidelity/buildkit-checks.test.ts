import assert from 'node:assert/strict';
import { buildkitCheckNames, extractBuildkitCases } from '../../../bench/fidelity/buildkit-checks';

/** Go in the style of BuildKit's dockerfile_check_test.go, written for these tests. */
const go = (...lines: string[]) => ['package dockerfile', '', ...lines].join('\n');

describe('bench/fidelity buildkit-checks', () => {
  it('reads a []byte raw-string Dockerfile, its expected warnings, and the same variable reused by a later call', () => {
    const { cases, skipped } = extractBuildkitCases('check_test.go', go(
      'func testSomething(t *testing.T, sb integration.Sandbox) {',
      '\tdockerfile := []byte(`',
      'FROM scratch',
      'CMD run',
      '`)',
      '\tcheckLinterWarnings(t, sb, &lintTestParams{',
      '\t\tDockerfile: dockerfile,',
      '\t\tWarnings: []expectedLintWarning{',
      '\t\t\t{',
      '\t\t\t\tRuleName: "JSONArgsRecommended",',
      '\t\t\t\tDetail:   fmt.Sprintf("JSON arguments recommended for %s", "CMD"),',
      '\t\t\t\tLine:     3,',
      '\t\t\t},',
      '\t\t},',
      '\t})',
      '\tcheckLinterWarnings(t, sb, &lintTestParams{Dockerfile: dockerfile})',
      '}',
    ));
    assert.deepEqual(skipped, []);
    assert.deepEqual(cases.map((c) => [c.line, c.name, c.dockerfile, c.warnings]), [
      [8, 'testSomething #1', '\nFROM scratch\nCMD run\n', [{ rule: 'JSONArgsRecommended', line: 3 }]],
      [18, 'testSomething #2', '\nFROM scratch\nCMD run\n', []],
    ]);
  });

  it('formats fmt.Appendf and fmt.Sprintf over string values, taking UnixOrWindows on its Unix side', () => {
    const { cases } = extractBuildkitCases('t.go', go(
      'func testFormat(t *testing.T, sb integration.Sandbox) {',
      '\tbase := integration.UnixOrWindows("alpine", "nanoserver")',
      '\tdockerfile := fmt.Appendf(nil, `FROM %s',
      'ENV a=%q',
      '`, base, "b")',
      '\tcheckLinterWarnings(t, sb, &lintTestParams{Dockerfile: dockerfile})',
      '\tcheckLinterWarnings(t, sb, &lintTestParams{Dockerfile: []byte("FROM " + base + "\\n")})',
      '}',
    ));
    assert.deepEqual(cases.map((c) => c.dockerfile), ['FROM alpine\nENV a="b"\n', 'FROM alpine\n']);
  });

  it('expands warnings built by a helper closure of the test', () => {
    const { cases } = extractBuildkitCases('t.go', go(
      'func testHelper(t *testing.T, sb integration.Sandbox) {',
      '\tmake := func(name string, line int) expectedLintWarning {',
      '\t\treturn expectedLintWarning{',
      '\t\t\tRuleName: "MultipleInstructionsDisallowed",',
      '\t\t\tDetail:   fmt.Sprintf("Multiple %s", name),',
      '\t\t\tLine:     line,',
      '\t\t}',
      '\t}',
      '\tdockerfile := []byte(`FROM a`)',
      '\tcheckLinterWarnings(t, sb, &lintTestParams{',
      '\t\tDockerfile: dockerfile,',
      '\t\tWarnings: []expectedLintWarning{make("CMD", 5), make("ENTRYPOINT", 7)},',
      '\t})',
      '}',
    ));
    assert.deepEqual(cases[0]!.warnings, [{ rule: 'MultipleInstructionsDisallowed', line: 5 }, { rule: 'MultipleInstructionsDisallowed', line: 7 }]);
  });

  it('skips what a Dockerfile alone does not model, with the reason, and keeps a lint-violation error exit', () => {
    const { cases, skipped } = extractBuildkitCases('t.go', go(
      'func testSkips(t *testing.T, sb integration.Sandbox) {',
      '\tdockerfile := []byte(`FROM a`)',
      '\tcheckLinterWarnings(t, sb, &lintTestParams{Dockerfile: dockerfile, DockerIgnore: []byte(`x`)})',
      '\tcheckLinterWarnings(t, sb, &lintTestParams{Dockerfile: dockerfile, FrontendAttrs: map[string]string{"build-arg:V": "1"}})',
      '\tcheckLinterWarnings(t, sb, &lintTestParams{Dockerfile: dockerfile, BuildErr: "dockerfile parse error on line 1: x"})',
      '\tcheckLinterWarnings(t, sb, &lintTestParams{Dockerfile: dockerfile, BuildErr: "lint violation found for rules: FromAsCasing"})',
      '\tcheckLinterWarnings(t, sb, &lintTestParams{Dockerfile: lookup(dockerfile)})',
      '}',
    ));
    assert.deepEqual(skipped.map((s) => [s.line, s.reason]), [
      [5, 'needs a build context (.dockerignore)'],
      [6, 'needs build args'],
      [7, 'ends in a Dockerfile parse error'],
      [9, 'the Dockerfile is built by lookup'],
    ]);
    assert.deepEqual(cases.map((c) => c.line), [8]);
  });

  it('takes the lint subrequest list (every target) and keeps a line only where the checked progress list has it', () => {
    const { cases } = extractBuildkitCases('t.go', go(
      'func testTargets(t *testing.T, sb integration.Sandbox) {',
      '\tcheckLinterWarnings(t, sb, &lintTestParams{',
      '\t\tDockerfile: []byte(`FROM a`),',
      '\t\tWarnings: []expectedLintWarning{{RuleName: "UndefinedVar", Line: 6}},',
      '\t\tUnmarshalWarnings: []expectedLintWarning{{RuleName: "UndefinedVar", Line: 3}, {RuleName: "UndefinedVar", Line: 6}},',
      '\t})',
      '}',
    ));
    assert.deepEqual(cases[0]!.warnings, [{ rule: 'UndefinedVar' }, { rule: 'UndefinedVar', line: 6 }]);
  });

  it('lists the check names a ruleset defines', () => {
    assert.deepEqual(buildkitCheckNames('var (\n\tRuleA = LinterRule{\n\t\tName: "StageNameCasing",\n\t}\n\tRuleB = LinterRule{Name:   "FromAsCasing"}\n)'), ['StageNameCasing', 'FromAsCasing']);
  });
});
