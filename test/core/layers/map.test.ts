import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../src/core/dockerfile/model';
import { mapHistory } from '../../../src/core/layers/map';
import { MappingError, type LayerMap } from '../../../src/core/layers/types';
import { analysisOf, dockerfileFixture, historyFixture } from '../../support/history-fixtures';

// Each mapped instruction as `line keyword layer` (1-based lines, as in the Dockerfile; `-` for metadata only).
const summary = (map: LayerMap) => map.instructions.map((i) => `${i.line + 1} ${i.keyword} ${i.layer ?? '-'}`);

interface Valid {
  name: string;
  dockerfile: string;
  history: string;
  instructions: string[];
  base: { line: number; layers: number; entries: number };
  notInFinalImage?: number[];
}

const BUSYBOX = { layers: 2, entries: 3 }; // the offline busybox: COPY busybox, RUN --install, CMD
const both = (name: string, dockerfile: string, instructions: string[], base = { line: 1, ...BUSYBOX }, notInFinalImage: number[] = []): Valid[] =>
  (['legacy', 'buildkit'] as const).map((builder) => ({
    name: `${name} (${builder} builder, captured from Docker 20.10)`,
    dockerfile,
    history: `${dockerfile}.${builder}`,
    instructions,
    base,
    notInFinalImage,
  }));

const valid: Valid[] = [
  ...both('metadata instructions, ARGs in scope of a RUN, WORKDIR making a layer', 'metadata', [
    '2 ARG -', '3 ARG -', '4 ENV -', '5 LABEL -', '6 EXPOSE -', '7 WORKDIR 2', '8 RUN 3', '9 USER -', '10 VOLUME -', '11 STOPSIGNAL -', '12 ENTRYPOINT -', '13 CMD -',
  ]),
  ...both('COPY and ADD of a file, a folder, several files with --chown, exec-form RUN', 'copy', ['2 COPY 2', '3 COPY 3', '4 ADD 4', '5 COPY 5', '6 RUN 6']),
  ...both('line continuations with the backtick escape', 'escape', ['3 RUN 2', '5 ENV -', '6 RUN 3'], { line: 2, ...BUSYBOX }),
  ...both('multi-stage, the final stage FROM an image: the builder stage is not in the final image', 'multistage-image', ['6 COPY 2', '7 CMD -'], { line: 5, ...BUSYBOX }, [1, 2, 3]),
  ...both('multi-stage, the final stage FROM an earlier stage: that stage is in the image, the other is not', 'multistage-chain', ['2 ENV -', '3 RUN 2', '9 COPY 3', '10 RUN 4'], { line: 1, ...BUSYBOX }, [5, 6]),
  {
    name: 'SHELL, HEALTHCHECK, ONBUILD, exec-form RUN that changed nothing (legacy builder, captured from Docker 20.10: ONBUILD recorded, the empty RUN an empty layer)',
    dockerfile: 'shell',
    history: 'shell.legacy',
    instructions: ['2 RUN 2', '4 SHELL -', '5 RUN 3', '6 HEALTHCHECK -', '7 ONBUILD -', '8 RUN -', '9 RUN 4', '10 RUN 5'],
    base: { line: 1, ...BUSYBOX },
  },
  {
    name: 'SHELL, HEALTHCHECK, ONBUILD, exec-form RUN (BuildKit, captured from Docker 20.10: no entry for ONBUILD, every RUN a layer)',
    dockerfile: 'shell',
    history: 'shell.buildkit',
    instructions: ['2 RUN 2', '4 SHELL -', '5 RUN 3', '6 HEALTHCHECK -', '7 ONBUILD -', '8 RUN 4', '9 RUN 5', '10 RUN 6'],
    base: { line: 1, ...BUSYBOX },
  },
  {
    name: 'docker build --label: the LABEL entry the legacy builder appends belongs to no instruction (legacy builder, captured from Docker 20.10)',
    dockerfile: 'label-option',
    history: 'label-option.legacy',
    instructions: ['2 CMD -'],
    base: { line: 1, ...BUSYBOX },
  },
  {
    name: 'docker build with several labels: one LABEL entry per label, all skipped (fixture: the Docker 20.10 capture above with three LABEL entries, one per label, as this daemon appends them)',
    dockerfile: 'label-option',
    history: 'label-options.legacy',
    instructions: ['2 CMD -'],
    base: { line: 1, ...BUSYBOX },
  },
  {
    name: "heredoc RUN and COPY, ONBUILD recorded, RUN with an ARG (fixture, hand-written after BuildKit v0.12's format)",
    dockerfile: 'heredoc',
    history: 'heredoc.buildkit-v0.12',
    instructions: ['2 RUN 2', '6 COPY 3', '9 ONBUILD -', '10 ARG -', '11 RUN 4'],
    base: { line: 1, ...BUSYBOX },
  },
];

interface Invalid {
  name: string;
  dockerfile: string;
  history: string;
  error: RegExp;
}

const invalid: Invalid[] = [
  { name: 'another image altogether: names the last instruction and the entry found', dockerfile: 'shell', history: 'copy.legacy', error: /^10:1: `RUN rm \/big` does not match the image: history entry 8 is `\/bin\/sh -c ls \/dst > \/list.txt`\.$/ },
  { name: 'an instruction edited since the build (BuildKit)', dockerfile: 'metadata-edited', history: 'metadata.buildkit', error: /^8:1: `RUN echo "\$A \$B" > \/app\/other.txt` does not match the image: history entry 10 is `RUN \|2 A=1 B=2 \/bin\/sh -c echo "\$A \$B" > \/app\/args.txt # buildkit`\.$/ },
  { name: 'a Dockerfile for another image: the last instruction and the entry found', dockerfile: 'metadata', history: 'multistage-image.legacy', error: /^13:1: `CMD echo hi` does not match the image: history entry 5 is `\/bin\/sh -c #\(nop\) CMD \["cat" "\/artifact"\]`\.$/ },
  { name: 'an instruction edited since the build (legacy)', dockerfile: 'metadata-edited', history: 'metadata.legacy', error: /^8:1: `RUN echo "\$A \$B" > \/app\/other.txt` does not match the image: history entry 10 is `\|2 A=1 B=2 \/bin\/sh -c echo/ },
  { name: 'an EXPOSE of another port (BuildKit prints a Go map of the ports)', dockerfile: 'metadata-expose', history: 'metadata.buildkit', error: /^6:1: `EXPOSE 8080\/tcp 9091` does not match the image: history entry 8 is `EXPOSE map\[8080\/tcp:\{\} 9090\/tcp:\{\}\]`/ },
  { name: 'an ENV with another value (legacy)', dockerfile: 'metadata-env', history: 'metadata.legacy', error: /^4:1: `ENV GREETING="hello there" OTHER=x` does not match the image: history entry 6 is `\/bin\/sh -c #\(nop\) ENV GREETING=hello world OTHER=x`/ },
];

function dockerfileOf(name: string): string {
  // Edited variants of a fixture: the RUN of line 8 writes another file, EXPOSE names another port, ENV another value.
  if (name === 'metadata-edited') return dockerfileFixture('metadata').replace('> /app/args.txt', '> /app/other.txt');
  if (name === 'metadata-expose') return dockerfileFixture('metadata').replace('EXPOSE 8080/tcp 9090', 'EXPOSE 8080/tcp 9091');
  if (name === 'metadata-env') return dockerfileFixture('metadata').replace('hello world', 'hello there');
  return dockerfileFixture(name);
}

describe('core/layers/map: image history → the Dockerfile instructions that wrote it', () => {
  describe('valid: exact mapping', () => {
    for (const t of valid) {
      it(t.name, () => {
        const map = mapHistory(parseDockerfile(dockerfileOf(t.dockerfile)), analysisOf(historyFixture(t.history)));
        assert.deepEqual(summary(map), t.instructions);
        assert.deepEqual({ line: map.base.line + 1, layers: map.base.layers, entries: map.base.entries }, t.base);
        assert.deepEqual(map.notInFinalImage.map((l) => l + 1), t.notInFinalImage ?? []);
      });
    }
  });

  describe('invalid: which error', () => {
    for (const t of invalid) {
      it(t.name, () => {
        assert.throws(
          () => mapHistory(parseDockerfile(dockerfileOf(t.dockerfile)), analysisOf(historyFixture(t.history))),
          (error: unknown) => {
            assert.ok(error instanceof MappingError, String(error));
            assert.match(error.message, t.error);
            assert.match(error.hint, /Rebuild the image from this Dockerfile, or choose the image that was built from it/);
            return true;
          },
        );
      });
    }
  });

  it('sizes, shares and waste come from the layer each instruction made; FROM gets the base image\'s size and layers', () => {
    const fixture = historyFixture('shell.buildkit');
    const analysis = analysisOf(fixture, { 5: { wastedBytes: 5_242_880 }, 6: { removesBytes: 5_242_880 } });
    const map = mapHistory(parseDockerfile(dockerfileFixture('shell')), analysis);
    const dd = map.instructions.find((i) => i.text.startsWith('RUN dd'))!;
    const rm = map.instructions.find((i) => i.text === 'RUN rm /big')!;
    assert.equal(dd.size, fixture.layers[5]!.size);
    assert.equal(dd.size, 5_242_880);
    assert.equal(dd.share, 5_242_880 / analysis.size);
    assert.deepEqual([dd.wastedBytes, dd.removesBytes, rm.wastedBytes, rm.removesBytes], [5_242_880, 0, 0, 5_242_880]);
    assert.equal(map.base.size, fixture.layers[0]!.size + fixture.layers[1]!.size);
    assert.equal(map.imageId, fixture.imageId);
    const onbuild = map.instructions.find((i) => i.keyword === 'ONBUILD')!;
    assert.deepEqual([onbuild.layer, onbuild.size, onbuild.share], [null, 0, 0]);
  });

  it('more instructions than history entries: the first one left without an entry is named', () => {
    const fixture = historyFixture('multistage-image.legacy');
    const analysis = analysisOf({ ...fixture, history: fixture.history.slice(3), layers: fixture.layers.slice(2) });
    assert.throws(
      () => mapHistory(parseDockerfile('FROM busybox\nRUN echo x\nCOPY --from=build /artifact /artifact\nCMD ["cat", "/artifact"]\n'), analysis),
      /^MappingError: 2:1: `RUN echo x` does not match the image: the image has no history entry left for it\.$/,
    );
  });

  it('a history whose non-empty entries do not match the layer count is refused (a squashed image)', () => {
    const analysis = analysisOf(historyFixture('copy.legacy'));
    analysis.layers.pop();
    assert.throws(() => mapHistory(parseDockerfile(dockerfileFixture('copy')), analysis), /has 7 history entries that made a layer but 6 layers/);
  });

  it('FROM scratch with base entries left over is refused', () => {
    assert.throws(
      () => mapHistory(parseDockerfile('FROM scratch\nRUN rm /big\n'), analysisOf(historyFixture('shell.legacy'))),
      /^MappingError: 1:1: `FROM scratch` has no history of its own, but the image has 10 entries/,
    );
  });
});
