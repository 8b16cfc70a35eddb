// The per-instruction findings cache: a linter that remembers findings across edits reports exactly what a
// linter running every rule over the whole file reports, whatever the edit (lines changed, added, removed).
// Over the project's own Dockerfiles here; over the external corpus in the corpus group (test/corpus).
import assert from 'node:assert/strict';
import { Linter } from '../../../src/core/lint/engine';
import { allRules } from '../../../src/core/lint/rules';
import { projectDockerfiles } from '../../support/corpus';
import { cacheAgreesOverSet, cacheAndReference, plain } from '../../support/lint-sets';

describe('lint: per-instruction findings cache', () => {
  let cached: Linter;
  let reference: Linter;
  before(async () => ({ cached, reference } = await cacheAndReference()));

  it('has per-instruction rules to cache (otherwise this file tests nothing)', () => {
    assert.ok(allRules.filter((r) => r.perInstruction).length >= 10);
  });

  cacheAgreesOverSet(projectDockerfiles(), 10);

  it('re-checks an instruction when only its context changes: settings, escape directive, shell', () => {
    const text = 'FROM registry.example.com/app:1\nRUN apt-get install curl\n';
    const trusted = (registries: string[]) => ({ config: { trustedRegistries: registries } });
    for (const options of [trusted(['docker.io']), trusted(['registry.example.com']), trusted(['docker.io'])]) {
      assert.deepEqual(plain(cached.lint(text, options)), plain(reference.lint(text, options)));
    }
    for (const variant of [text, `# escape=\`\n${text}`, text.replace('FROM', '# hadolint shell=pwsh\nFROM'), text]) {
      assert.deepEqual(plain(cached.lint(variant)), plain(reference.lint(variant)));
    }
  });
});
