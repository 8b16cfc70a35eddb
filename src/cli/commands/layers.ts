// `shipshape layers IMAGE`: what each layer of an image costs and what is wasted (dive's numbers, and the
// recoverable bytes), mapped to the Dockerfile's lines with --dockerfile, with dive's CI rules under --ci.
import fs from 'node:fs';
import path from 'node:path';
import { LAYER_SIZE, formatBytes } from '../../core/containers/bytes';
import { parseDockerfile } from '../../core/dockerfile/model';
import { DIVE_DEFAULTS, ThresholdError, ciText, evaluateCi, parseByteThreshold, parseFractionThreshold, type CiThresholds } from '../../core/layers/ci';
import { measuredHints, type MeasuredHint } from '../../core/layers/hints';
import { mapHistory } from '../../core/layers/map';
import { layersJson, layersText } from '../../core/layers/report';
import { MappingError, type ImageAnalysis, type LayerMap } from '../../core/layers/types';
import { createDockerClient } from '../../docker/client';
import { ImageNotFoundError, analyseImage } from '../../docker/layers';
import { dockerfileLinter } from '../../process/lab-io';
import { CliIO, EXIT, UsageError, daemonOptions, defineCommand, formatOption } from '../io';

const BAR = 30;

/** `[#########---------]  45 %  12.3 MB of 27.4 MB`, redrawn in place on a terminal's stderr. */
function progressBar(io: CliIO): { update(read: number, total: number | null): void; done(): void } {
  if (!io.errIsTTY) return { update: () => undefined, done: () => undefined };
  let last = 0;
  let drawn = false;
  return {
    update(read, total) {
      const now = Date.now();
      if (now - last < 100 && (total === null || read < total)) return;
      last = now;
      drawn = true;
      const shown = formatBytes(read, LAYER_SIZE);
      if (total === null || total <= 0) return io.err(`\rreading the image: ${shown}\x1b[K`);
      const fraction = Math.min(1, read / total);
      const filled = Math.round(fraction * BAR);
      io.err(`\r[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${String(Math.round(fraction * 100)).padStart(3)} %  ${shown} of ${formatBytes(total, LAYER_SIZE)}\x1b[K`);
    },
    done: () => drawn && io.err('\r\x1b[K'),
  };
}

function thresholdsOf(values: { ci: boolean; 'lowest-efficiency'?: string; 'highest-wasted-bytes'?: string; 'highest-user-wasted-percent'?: string }): CiThresholds | null {
  const given = (['lowest-efficiency', 'highest-wasted-bytes', 'highest-user-wasted-percent'] as const).filter((o) => values[o] !== undefined);
  if (!values.ci) {
    if (given.length > 0) throw new UsageError(`--${given[0]} is a CI rule: add --ci`);
    return null;
  }
  try {
    const efficiency = values['lowest-efficiency'];
    const wasted = values['highest-wasted-bytes'];
    const user = values['highest-user-wasted-percent'];
    return {
      lowestEfficiency: efficiency === undefined ? DIVE_DEFAULTS.lowestEfficiency : parseFractionThreshold('--lowest-efficiency', efficiency, 1),
      highestWastedBytes: wasted === undefined ? DIVE_DEFAULTS.highestWastedBytes : parseByteThreshold('--highest-wasted-bytes', wasted),
      highestUserWastedPercent: user === undefined ? DIVE_DEFAULTS.highestUserWastedPercent : parseFractionThreshold('--highest-user-wasted-percent', user, null),
    };
  } catch (error) {
    throw error instanceof ThresholdError ? new UsageError(error.message) : error;
  }
}

function readDockerfile(file: string, shown: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--dockerfile ${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a Dockerfile' : (error as Error).message}`);
  }
}

export const layers = defineCommand({
  name: 'layers',
  summary: 'show what each layer of an image costs and what is wasted (dive\'s efficiency and CI rules), by Dockerfile line',
  operands: 'IMAGE',
  notes: [
    'IMAGE is a name, name:tag or ID the daemon has (it is never pulled). The image is read from the daemon',
    '(as `docker save` writes it) without holding a layer in memory.',
    'With --dockerfile the history is mapped to the final stage\'s instructions, and the size-related lint',
    'findings say what they cost in this image. JSON lists every history entry, empty ones too, oldest first;',
    '`index` is its position in that list, `wasted[].addedBy`/`removedBy` are such indexes, lines are 1-based.',
    'With --ci, dive\'s rules: efficiency below --lowest-efficiency, wasted bytes above --highest-wasted-bytes,',
    'or the user wasted fraction above --highest-user-wasted-percent fail (each may be "disabled").',
  ],
  options: {
    dockerfile: { type: 'string', value: 'PATH', help: 'the Dockerfile the image was built from: sizes by line, measured hints' },
    format: formatOption(['tty', 'json']),
    ci: { type: 'boolean', help: 'check dive\'s CI rules; exit 1 when a threshold is crossed' },
    'lowest-efficiency': { type: 'string', value: 'FRACTION', help: `fail below this efficiency, 0–1 (default ${DIVE_DEFAULTS.lowestEfficiency})` },
    'highest-wasted-bytes': { type: 'string', value: 'SIZE', help: 'fail above these wasted bytes: 20MB, 1GiB, 20000 (default disabled)' },
    'highest-user-wasted-percent': { type: 'string', value: 'FRACTION', help: `fail above this fraction of user bytes wasted (default ${DIVE_DEFAULTS.highestUserWastedPercent})` },
    ...daemonOptions,
  },
  examples: ['shipshape layers --dockerfile Dockerfile myapp:1', 'shipshape layers --format json myapp:1', 'shipshape layers --ci --lowest-efficiency 0.95 --highest-wasted-bytes 20MB myapp:1'],
  exitCodes: '0 shown (and every CI rule passed), 1 a CI rule failed, 2 a usage error, a missing image, a Dockerfile that does not match the image, or Docker not reachable.',
  async run(values, operands, io) {
    if (operands.length !== 1) throw new UsageError(operands.length === 0 ? 'name the image (a name, name:tag or ID)' : `takes one image (got ${operands.length})`);
    const image = operands[0]!;
    const thresholds = thresholdsOf(values);
    const dockerfile = values.dockerfile === undefined ? undefined : path.resolve(io.cwd, values.dockerfile);
    const model = dockerfile === undefined ? undefined : parseDockerfile(readDockerfile(dockerfile, values.dockerfile!));

    const client = createDockerClient({ env: io.env, host: values.host, context: values.context });
    const bar = progressBar(io);
    let analysis: ImageAnalysis;
    try {
      analysis = await analyseImage(client, image, { onProgress: (read, total) => bar.update(read, total) });
    } catch (error) {
      if (!(error instanceof ImageNotFoundError)) throw error;
      io.err(`shipshape layers: ${error.message}\n`);
      return EXIT.usage;
    } finally {
      bar.done();
    }

    let map: LayerMap | null = null;
    let hints: MeasuredHint[] = [];
    if (model && dockerfile) {
      try {
        map = mapHistory(model, analysis);
      } catch (error) {
        if (!(error instanceof MappingError)) throw error;
        // A message that starts with `line:col:` gets the file in front, as compilers print it.
        const where = /^\d+:\d+: /.test(error.message) ? `${values.dockerfile}:` : `${values.dockerfile}: `;
        io.err(`shipshape layers: ${where}${error.message}\nhint: ${error.hint}\n`);
        return EXIT.usage;
      }
      // The hints are printed only in the text report (the JSON's keys are fixed): lint only for it.
      if (values.format !== 'json') {
        const { findings } = await dockerfileLinter(__dirname)(dockerfile, model.text);
        hints = measuredHints(findings.map((f) => ({ rule: f.code, line: f.range.start.line })), map, analysis);
      }
    }

    const input = { image, analysis, map };
    if (values.format === 'json') io.out(`${JSON.stringify(layersJson(input), null, 2)}\n`);
    else io.out(layersText(input, values.dockerfile ? { hints: { dockerfile: values.dockerfile, hints } } : {}));
    if (!thresholds) return EXIT.ok;
    const results = evaluateCi(analysis, thresholds);
    // Beside JSON the results go to stderr, so that stdout stays one JSON document.
    if (values.format === 'json') io.err(ciText(results));
    else io.out(`\n${ciText(results)}`);
    return results.some((r) => r.status === 'FAIL') ? EXIT.failed : EXIT.ok;
  },
});
