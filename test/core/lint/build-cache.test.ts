// DL3068-DL3070 follow an open hadolint pull request: off unless a .hadolint.yaml names them, as hadolint users would.
import assert from 'node:assert/strict';
import { Linter } from '../../../src/core/lint/engine';
import { parseHadolintConfig } from '../../../src/core/lint/hadolint-config';

const dockerfile = 'FROM node:20\nRUN npm ci\nRUN cargo build\nRUN go build ./...\n';
const codes = (linter: Linter, config = {}) =>
  linter
    .lint(dockerfile, { config })
    .map((f) => f.code)
    .filter((c) => /^DL30(68|69|70)$/.test(c));

describe('the BuildKit cache-mount rules (DL3068-DL3070)', () => {
  let linter: Linter;
  before(async () => (linter = await Linter.create()));

  it('are off by default', () => assert.deepEqual(codes(linter), []));

  it('are turned on by naming them in an override list of .hadolint.yaml', () => {
    const config = parseHadolintConfig('override:\n  info:\n    - DL3068\n  warning:\n    - DL3070\n', '.hadolint.yaml');
    const found = linter.lint(dockerfile, { config }).filter((f) => /^DL30(68|69|70)$/.test(f.code));
    assert.deepEqual(
      found.map((f) => [f.code, f.severity, f.range.start.line + 1]),
      [
        ['DL3068', 'info', 2],
        ['DL3070', 'warning', 4],
      ],
    );
  });
});
