import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { contentHash, formatProblem, loadPack } from '../../../src/core/labs/load';
import { TEST_KINDS } from './kinds';
import { GOOD_FILES, GOOD_MANIFEST, removePacks, writePack } from './pack-fixture';

/** The pack's problems as printed, with the temporary folder taken off the file names. */
async function problemsOf(manifest: string, files: Record<string, string> = GOOD_FILES): Promise<string[]> {
  const root = writePack(manifest, files);
  const result = await loadPack(root, { kinds: TEST_KINDS });
  if (result.problems.some((p) => p.severity === 'error')) assert.equal(result.pack, undefined, 'no pack with an error');
  return result.problems.map((p) => formatProblem({ ...p, file: path.relative(root, p.file) }));
}

/** GOOD_MANIFEST with one piece replaced (the piece must be there, so a changed fixture fails loudly). */
function edited(from: string, to: string): string {
  assert.ok(GOOD_MANIFEST.includes(from), `the good manifest has ${JSON.stringify(from)}`);
  return GOOD_MANIFEST.replace(from, to);
}

const SCRIPT_HINT = '  hint: write it as an argument array, or use `script:` for shell features (trusted workspaces only)';

/** [what is wrong, the edit, every problem expected, in order]. */
const MALFORMED: [string, string, string, string[]][] = [
  ['bad YAML', 'title: Sample pack', 'title: [Sample pack', ['shipshape-pack.yaml:4:1: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]', '  hint: fix the YAML syntax (indentation, a missing colon or quote)']],
  ['a list given as a string', '  containers: [sample-web]', '  containers: sample-web', ['shipshape-pack.yaml:15:15: resources.containers must be a list', '  hint: write it as a YAML list, one "- item" per line']],
  ['a title that is a number', 'title: First lab', 'title: 7', ['shipshape-pack.yaml:19:12: labs[0].title must be a string', '  hint: give it a string value']],
  ['the id missing', 'id: sample\n', '', ['shipshape-pack.yaml:1:1: the manifest is missing "id"', '  hint: add "id:" to it']],
  ['an id that is not an id', 'id: sample', 'id: Sample Pack', ['shipshape-pack.yaml:2:5: id: "Sample Pack" is not valid', '  hint: write an id: lowercase letters, digits and "-", starting with a letter or a digit, e.g. "first-lab"']],
  ['an unknown key (a typo of a required one)', 'title: Sample pack', 'titel: Sample pack', ['shipshape-pack.yaml:3:1: unknown key "titel" in the manifest', '  hint: did you mean "title"?']],
  ['a missing Markdown file', 'body: labs/first/run-web.md', 'body: labs/first/run.md', ['shipshape-pack.yaml:34:15: file "labs/first/run.md" does not exist', '  hint: create it, or fix the path (relative to the manifest)']],
  ['a Markdown file outside the pack', 'recap: labs/first/recap.md', 'recap: ../../etc/passwd', ['shipshape-pack.yaml:21:12: "../../etc/passwd" is outside the pack', '  hint: paths are relative to the manifest and stay inside the pack folder']],
  ['a dangling need', 'needs: [pull-image]', 'needs: [pul-image]', ['shipshape-pack.yaml:36:17: needs "pul-image", which is not a step of lab "first"', '  hint: did you mean "pull-image"?']],
  ['a need in another lab that does not exist', 'needs: [pull-image]', 'needs: [second/pull-image]', ['shipshape-pack.yaml:36:17: needs "second/pull-image", which is not a step', '  hint: name a step id of this lab, or lab-id/step-id']],
  ['cyclic needs', 'points: 5\n', 'points: 5\n        needs: [run-web]\n', ['shipshape-pack.yaml:37:17: needs make a cycle: pull-image → run-web → pull-image', '  hint: a step cannot depend on a step that depends on it; remove one of these needs']],
  ['a duplicate step id', 'id: run-web', 'id: pull-image', ['shipshape-pack.yaml:32:13: step id "pull-image" is already used by steps[0]', '  hint: give each step its own id', 'shipshape-pack.yaml:36:17: step "pull-image" needs itself', '  hint: remove it from its own needs']],
  ['an unknown check kind', 'kind: container', 'kind: contaner', ['shipshape-pack.yaml:53:19: unknown check kind "contaner"', '  hint: did you mean "container"?']],
  ['an unknown field of a kind', 'state: running', 'stat: running', ['shipshape-pack.yaml:55:13: unknown key "stat" in labs[0].steps[1].checks[0]', '  hint: did you mean "state"?']],
  ['a required field of a kind missing', '            command: [cat, /etc/hostname]\n', '', ['shipshape-pack.yaml:28:13: labs[0].steps[0].checks[0] is missing "command"', '  hint: add "command:" to it']],
  ['an enum field with a value it lacks', 'state: running', 'state: sleeping', ['shipshape-pack.yaml:55:20: state: expected one of running, exited', '  hint: see the container kind in docs/packs.md']],
  ['a size with a bad unit', 'memory: 256m', 'memory: 256x', ['shipshape-pack.yaml:56:21: memory: "256x" is not a size', '  hint: write a number of bytes with an optional unit: 256m, 1.5g, 512k']],
  ['CPUs that are not a number', 'cpus: 0.5', 'cpus: half', ['shipshape-pack.yaml:65:19: cpus: "half" is not a number of CPUs', '  hint: write CPUs as --cpus takes them: 0.5, 1, 2']],
  ['a check timeout that is not a duration', 'timeout: 5s', 'timeout: 5 sec', ['shipshape-pack.yaml:58:22: timeout: "5 sec" is not a duration', '  hint: write a number with ms, s, m or h: 500ms, 2s, 1m']],
  ['an action timeout that is not a duration', 'timeout: 30s', 'timeout: soon', ['shipshape-pack.yaml:45:20: timeout: "soon" is not a duration', '  hint: write a number with ms, s, m or h: 500ms, 30s, 2m']],
  ['a regular expression that does not compile', 'matches: "^[a-f0-9]+$"', 'matches: "("', ['shipshape-pack.yaml:31:21: stdout: not a regular expression: Invalid regular expression: /(/: Unterminated group', '  hint: see the exec kind in docs/packs.md']],
  ['an image field naming no declared image', 'image: web', 'image: wbe', ['shipshape-pack.yaml:57:20: image: "wbe" is not declared in images', '  hint: did you mean "web"?']],
  ['a shell operator in a run string', '- docker rm -f sample-web\n          - [docker', '- docker ps | grep web\n          - [docker', ['shipshape-pack.yaml:42:13: `|` is a shell operator: commands run without a shell', SCRIPT_HINT]],
  ['a glob in a run string', '- docker rm -f sample-web\n          - [docker', '- docker rm -f sample-*\n          - [docker', ['shipshape-pack.yaml:42:13: `sample-*` is a shell glob: commands run without a shell', SCRIPT_HINT]],
  ['a variable in a run string', '- docker rm -f sample-web\n          - [docker', '- docker rm -f $NAME\n          - [docker', ['shipshape-pack.yaml:42:13: `$NAME` is a shell variable: commands run without a shell', SCRIPT_HINT]],
  ['an argv with a number in it', '- [docker, pull, busybox:latest]', '- [docker, 5]', ['shipshape-pack.yaml:43:22: labs[0].steps[1].setup[1][1] must be a string', '  hint: give it a string value']],
  ['an action that is a string', 'setup:\n          - docker rm -f sample-web\n          - [docker, pull, busybox:latest]', 'setup: docker rm -f sample-web', ['shipshape-pack.yaml:41:16: labs[0].steps[1].setup must be a list of commands, or { timeout, run } (timeout per command, default 60s)', '  hint: see docs/packs.md for the manifest format']],
  ['hints out of order', '- nudge: Containers', '- solution: Containers', ['shipshape-pack.yaml:39:13: hint tier "hint" comes after "solution"', '  hint: give the tiers in this order, each at most once: nudge, hint, solution']],
  ['a version that is not semver', 'version: 1.0.0', 'version: 1.0', ['shipshape-pack.yaml:4:10: version 1 is not a semver version', '  hint: write major.minor.patch in quotes, e.g. "1.0.0"']],
  ['a quoted version that is not semver', 'version: 1.0.0', 'version: "1.0"', ['shipshape-pack.yaml:4:10: version "1.0" is not a semver version', '  hint: write major.minor.patch, e.g. "1.0.0"']],
  ['a Shipshape too old for the pack', 'minShipshapeVersion: 0.1.0', 'minShipshapeVersion: 99.0.0', ['shipshape-pack.yaml:5:22: this pack needs Shipshape 99.0.0 or later; this is Shipshape 0.1.0', '  hint: update the Shipshape extension (or the shipshape CLI), then open the pack again']],
  ['an image both built and pulled', '    pull: busybox:latest', '    pull: busybox:latest\n    build: images/web', ['shipshape-pack.yaml:12:5: image "base" has both build and pull', '  hint: keep build: (a context in the pack, works offline) or pull: (a reference), not both']],
  ['a build context that is not there', 'build: images/web', 'build: images/nope', ['shipshape-pack.yaml:10:12: build context "images/nope" is not a folder in the pack', '  hint: ship the context folder inside the pack, relative to the manifest']],
  ['a built image without a tag', '    tag: shipshape-sample/web:1\n', '', ['shipshape-pack.yaml:9:5: image "web" is built but has no tag', '  hint: add tag: the name the built image gets, e.g. mypack/web:1']],
];

describe('core/labs/load', () => {
  after(removePacks);

  it('loads the good pack into the model, every reference resolved and every unit parsed', async () => {
    const root = writePack(GOOD_MANIFEST);
    const { pack, problems } = await loadPack(root, { kinds: TEST_KINDS });
    assert.deepEqual(problems, []);
    assert.ok(pack);
    const manifestFile = path.join(root, 'shipshape-pack.yaml');
    assert.equal(pack.manifestFile, manifestFile);
    assert.equal(pack.root, root);
    assert.deepEqual(pack.requires, { apiVersion: '1.41', os: 'linux', cgroup: 'v1', swarm: false, rootful: true });
    assert.deepEqual(pack.images, [
      { name: 'web', kind: 'build', context: 'images/web', tag: 'shipshape-sample/web:1', at: { file: manifestFile, line: 9, column: 5 } },
      { name: 'base', kind: 'pull', reference: 'busybox:latest', at: { file: manifestFile, line: 12, column: 5 } },
    ]);
    assert.deepEqual(pack.resources, { containers: ['sample-web'], networks: [], volumes: [], images: [], prefixes: ['sample-'] });
    const [lab] = pack.labs;
    assert.equal(lab!.intro, '# First lab\n');
    assert.equal(lab!.recap, 'You ran a container.\n');
    const [pull, run] = lab!.steps;
    assert.equal(pull!.needs.length, 0);
    assert.deepEqual(run!.needs, ['first/pull-image']);
    assert.equal(run!.body, 'Run `sample-web`.\n');
    assert.equal(run!.bodyFile, path.join(root, 'labs/first/run-web.md'));
    assert.deepEqual(run!.hints, [
      { tier: 'nudge', text: 'Containers start with docker run.' },
      { tier: 'hint', text: 'Use -d and --name.' },
      { tier: 'solution', text: 'docker run -d --name sample-web busybox sleep 3600' },
    ]);
    assert.deepEqual(run!.setup, {
      commands: [
        { kind: 'argv', argv: ['docker', 'rm', '-f', 'sample-web'], at: { file: manifestFile, line: 42, column: 13 } },
        { kind: 'argv', argv: ['docker', 'pull', 'busybox:latest'], at: { file: manifestFile, line: 43, column: 13 } },
      ],
      timeoutMs: 60_000,
      at: { file: manifestFile, line: 42, column: 11 },
    });
    assert.equal(run!.solve!.timeoutMs, 30_000);
    assert.deepEqual(run!.solve!.commands.map((c) => c.kind), ['argv', 'script']);
    assert.deepEqual(run!.solve!.commands[1], { kind: 'script', script: 'docker network inspect sample-net >/dev/null 2>&1 || docker network create sample-net\n', at: { file: manifestFile, line: 48, column: 15 } });
    const [container, resources] = run!.checks;
    assert.deepEqual(
      { ...container!, fieldsAt: undefined },
      { kind: 'container', points: 4, timeoutMs: 5000, intervalMs: 500, stableForMs: 1000, fields: { container: 'sample-web', state: 'running', memory: 256 * 1024 * 1024, image: 'web' }, fieldsAt: undefined, at: { file: manifestFile, line: 53, column: 13 } },
    );
    assert.deepEqual(container!.fieldsAt.memory, { file: manifestFile, line: 56, column: 21 });
    assert.deepEqual(resources!.fields, { container: 'sample-web', cpus: 0.5, pidsLimit: 50 });
    assert.equal(resources!.name, 'limits');
    assert.deepEqual([resources!.timeoutMs, resources!.intervalMs, resources!.stableForMs], [0, 1000, 0], 'the defaults');
    assert.deepEqual(pull!.checks[0]!.fields, { container: 'sample-web', command: ['cat', '/etc/hostname'], stdout: { matches: '^[a-f0-9]+$' } });
    assert.match(pack.contentHash, /^sha256:[0-9a-f]{64}$/);
  });

  for (const [what, from, to, expected] of MALFORMED) {
    it(`reports ${what} with its position and a hint`, async () => {
      assert.deepEqual((await problemsOf(edited(from, to))).join('\n').split('\n'), expected);
    });
  }

  it('reports every problem at once, in file order', async () => {
    const manifest = edited('version: 1.0.0', 'version: "1"').replace('needs: [pull-image]', 'needs: [nope]').replace('memory: 256m', 'memory: lots').replace('swarm: false', 'swarm: nope');
    const { 'labs/first/pull.md': _dropped, ...files } = GOOD_FILES;
    const problems = await problemsOf(manifest, files);
    assert.deepEqual(
      problems.map((p) => p.split('\n')[0]),
      [
        'shipshape-pack.yaml:4:10: version "1" is not a semver version',
        `shipshape-pack.yaml:7:${'requires: { apiVersion: "1.41", os: linux, cgroup: v1, swarm: '.length + 1}: requires.swarm must be true or false`,
        'shipshape-pack.yaml:25:15: file "labs/first/pull.md" does not exist',
        'shipshape-pack.yaml:36:17: needs "nope", which is not a step of lab "first"',
        'shipshape-pack.yaml:56:21: memory: "lots" is not a size',
      ],
    );
  });

  it("warns, without refusing the pack, when the checks' points add up to more than the step's", async () => {
    const root = writePack(edited('            points: 4\n', '            points: 40\n'));
    const { pack, problems } = await loadPack(root, { kinds: TEST_KINDS });
    assert.ok(pack);
    assert.deepEqual(problems.map((p) => formatProblem({ ...p, file: path.basename(p.file) })), [
      "shipshape-pack.yaml:35:17: warning: the checks' points add up to 40, more than the step's 10\n  hint: raise the step's points, or lower the checks'",
    ]);
  });

  it('names the known kinds when a kind is far from all of them', async () => {
    assert.deepEqual(await problemsOf(edited('kind: container', 'kind: kubernetes')), ['shipshape-pack.yaml:53:19: unknown check kind "kubernetes"\n  hint: known kinds: container, resources, exec']);
  });

  it('says there is no pack where the path leads nowhere, and no manifest in a folder without one', async () => {
    const missing = await loadPack('/nonexistent/pack', { kinds: TEST_KINDS });
    assert.deepEqual(missing.problems.map(formatProblem), ['/nonexistent/pack:1:1: no pack at "/nonexistent/pack"\n  hint: give a pack folder (with shipshape-pack.yaml), a .zip or a .tar.gz of one']);
    const root = writePack(GOOD_MANIFEST);
    fs.rmSync(path.join(root, 'shipshape-pack.yaml'));
    const empty = await loadPack(root, { kinds: TEST_KINDS });
    assert.equal(empty.problems[0]!.message, `no shipshape-pack.yaml in "${root}"`);
  });

  it('loads from the manifest file itself as from its folder', async () => {
    const root = writePack(GOOD_MANIFEST);
    const { pack } = await loadPack(path.join(root, 'shipshape-pack.yaml'), { kinds: TEST_KINDS });
    assert.equal(pack?.id, 'sample');
  });

  it('hashes every file of the pack: the same files give the same hash, any change another', async () => {
    const a = writePack(GOOD_MANIFEST);
    const b = writePack(GOOD_MANIFEST);
    assert.equal(await contentHash(a), await contentHash(b));
    fs.writeFileSync(path.join(b, 'labs/first/recap.md'), 'You ran a container!\n');
    assert.notEqual(await contentHash(a), await contentHash(b));
    const c = writePack(GOOD_MANIFEST);
    fs.renameSync(path.join(c, 'labs/first/recap.md'), path.join(c, 'labs/first/recap2.md'));
    assert.notEqual(await contentHash(a), await contentHash(c), 'a renamed file changes the hash');
  });
});
