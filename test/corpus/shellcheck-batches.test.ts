// The batched ShellCheck path (many scripts per process, only the variables a script names in its header) against
// the path it replaced (one process per script, every ARG/ENV in scope exported), over every corpus RUN, with
// Debian's real shellcheck binary (scripts/test.mjs installs it).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDockerfile } from '../../src/core/dockerfile/model';
import { readPragmas } from '../../src/core/lint/pragmas';
import { SHELLCHECK_EXCLUDED, ShellcheckComment, ShellcheckInput, ShellcheckScript, shellcheckFindings, shellcheckInputs, shellcheckScript } from '../../src/core/lint/shellcheck';
import { findShellcheck, shellcheckRunner } from '../../src/process/shellcheck';
import { readCorpus } from '../support/corpus';

/** The script as it was built before batching: every variable in scope exported. */
function fullHeaderScript(input: ShellcheckInput): ShellcheckScript {
  const header = [`#!${input.shell}`, ...[...input.vars].sort().filter((v) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(v)).map((v) => `export ${v}=1`)];
  return { text: `${header.join('\n')}\n${input.script.text}\n`, headerLines: header.length };
}

/** One shellcheck process for one script, through a temp file (as before batching). */
async function alone(binary: string, script: ShellcheckScript): Promise<ShellcheckComment[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-sc-ref-'));
  try {
    const file = path.join(dir, 'run.sh');
    fs.writeFileSync(file, script.text);
    const out = await new Promise<string>((resolve) =>
      execFile(binary, ['--format=json1', '--norc', `--exclude=${SHELLCHECK_EXCLUDED.join(',')}`, file], { maxBuffer: 64 * 1024 * 1024 }, (_e, stdout) => resolve(stdout)),
    );
    return (JSON.parse(out) as { comments: ShellcheckComment[] }).comments;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('corpus: batched ShellCheck finds what one process per script found (real shellcheck)', () => {
  it('the same findings, positions and fixes for every RUN of every corpus file', async function () {
    this.timeout(300_000); // one process per script for the reference: ~450 processes on a shared 2-core machine
    const binary = findShellcheck('');
    assert.ok(binary, "shellcheck is on PATH (scripts/test.mjs installs Debian's)");
    const inputs = readCorpus().files.flatMap((f) => {
      const model = parseDockerfile(f.text);
      return shellcheckInputs(model, readPragmas(model).shell).map((input) => ({ file: f.name, input }));
    });
    assert.ok(inputs.length > 300, `${inputs.length} RUN scripts in the corpus`);
    const runner = shellcheckRunner(binary);
    const scripts = inputs.map(({ input }) => shellcheckScript(input));
    const batched = await runner(scripts);
    assert.ok(runner.batches.processes < inputs.length / 5, `${runner.batches.processes} processes for ${inputs.length} scripts`);
    let compared = 0;
    let findings = 0;
    // The reference, two processes at a time.
    const queue = inputs.map((x, i) => ({ ...x, i }));
    const lane = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { file, input, i } = next;
        const old = fullHeaderScript(input);
        const expected = shellcheckFindings(input, old, await alone(binary, old));
        const result = batched[i]!;
        assert.ok('comments' in result, `${file}: ${'failure' in result ? result.failure : ''}`);
        assert.deepEqual(shellcheckFindings(input, scripts[i]!, result.comments), expected, `${file}, the RUN at line ${input.instruction.range.start.line + 1}`);
        compared++;
        findings += expected.length;
      }
    };
    await Promise.all([lane(), lane()]);
    assert.equal(compared, inputs.length);
    assert.ok(findings > 50, `${findings} findings compared`);
  });
});
