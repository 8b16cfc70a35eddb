// The parts of shell.ts the consolidation touched: flag tests on short-option clusters and the heredoc that is a RUN's script.
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../src/core/dockerfile/model';
import { ShellCommand, ShellParser, hasFlag, scriptHeredoc, scriptOf } from '../../../src/core/dockerfile/shell';

describe('core/dockerfile/shell', () => {
  let parser: ShellParser;
  before(async () => (parser = await ShellParser.create()));

  const command = (script: string): ShellCommand => {
    const model = parseDockerfile(`FROM alpine\nRUN ${script}\n`);
    return parser.parse(scriptOf(model, model.instructions[1]!)!).commands[0]!;
  };

  describe('hasFlag', () => {
    it('finds short options in clusters and long options with or without a value', () => {
      assert.ok(hasFlag(command('apt-get -qy install x'), 'y'));
      assert.ok(hasFlag(command('apt-get --yes install x'), ['assume-yes', 'yes']));
      assert.ok(hasFlag(command('pip install --progress-bar=off x'), 'progress-bar'));
      assert.ok(!hasFlag(command('pip install --progress-bar-x x'), 'progress-bar'));
      assert.ok(!hasFlag(command('apt-get install yes'), 'y'));
    });

    it('without value-taking options, only reads clusters of letters and digits', () => {
      assert.ok(!hasFlag(command('wget -qO- https://x'), 'q'));
      assert.ok(hasFlag(command('apt-get -o Dpkg::Options=x install'), 'o'));
    });

    it('with value-taking options, reads a cluster up to the first of them', () => {
      const wget = command('wget -qO- https://x');
      assert.ok(hasFlag(wget, 'q', 'O'));
      assert.ok(hasFlag(wget, 'O', 'O'));
      assert.ok(!hasFlag(command('wget -O-q https://x'), 'q', 'O'));
      assert.ok(!hasFlag(command('useradd -ul app'), 'l', 'u'));
      assert.ok(hasFlag(command('useradd -lu 1000 app'), 'l', 'u'));
    });
  });

  describe('scriptHeredoc', () => {
    const run = (text: string) => parseDockerfile(`FROM alpine\n${text}`).instructions[1]!;

    it('is the heredoc that RUN runs as its script', () => {
      const doc = scriptHeredoc(run('RUN <<EOF\necho hi\nEOF\n'));
      assert.equal(doc?.name, 'EOF');
      assert.deepEqual(doc?.contentRange?.start, { line: 2, character: 0 });
      assert.equal(scriptHeredoc(run('RUN <<-"EOT"\n\techo\n\tEOT\n'))?.name, 'EOT');
    });

    it('is undefined when the heredoc feeds a program, there are several, or none', () => {
      assert.equal(scriptHeredoc(run('RUN python3 <<EOF\nprint(1)\nEOF\n')), undefined);
      assert.equal(scriptHeredoc(run('RUN <<A <<B\na\nA\nb\nB\n')), undefined);
      assert.equal(scriptHeredoc(run('RUN echo hi\n')), undefined);
    });
  });
});
