// `shipshape internals CONTAINER...`: what each container is made of (cgroup limits and usage,
// namespaces, capabilities, seccomp), read from this machine when the daemon runs here.
import { parseArgs } from 'node:util';
import { formatInternals } from '../core/internals/format';
import { createDockerClient } from '../docker/client';
import { HelperOptions } from '../docker/internals/helper';
import { ContainerNotFoundError, readInternals } from '../docker/internals/read';
import { CliIO, UsageError } from './main';

const usage =
  'shipshape internals [--format tty|json] [--helper [--helper-image IMAGE] | --print-helper-command] [--no-local] [--host URL] [--context NAME] CONTAINER...';

export const internalsCommand = {
  summary: 'show a container\'s cgroup limits and usage, namespaces (private, host, shared) and security context',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          format: { type: 'string', short: 'f', default: 'tty' },
          helper: { type: 'boolean', default: false },
          'helper-image': { type: 'string' },
          'print-helper-command': { type: 'boolean', default: false },
          'no-local': { type: 'boolean', default: false },
          host: { type: 'string', short: 'H' },
          context: { type: 'string', short: 'c' },
        },
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.format !== 'tty' && values.format !== 'json') throw new UsageError(`--format must be one of tty, json (got "${values.format}")`);
    if (positionals.length === 0) throw new UsageError('name at least one container (a name or an id, as `shipshape ps` lists them)');
    if (values['helper-image'] && !values.helper && !values['print-helper-command']) throw new UsageError('--helper-image needs --helper');

    const client = createDockerClient({ env: io.env, host: values.host, context: values.context });
    let printed: string | undefined;
    let helper: HelperOptions | false = false;
    if (values.helper || values['print-helper-command']) {
      helper = { image: values['helper-image'] };
      if (values['print-helper-command']) helper.confirm = (line) => ((printed = line), false);
    }
    try {
      const list = await readInternals(client, positionals, { local: !values['no-local'], helper });
      if (values['print-helper-command']) {
        if (printed === undefined) {
          io.err('shipshape internals: no helper container is needed: every container was read from this machine (add --no-local to see it anyway)\n');
        } else {
          io.out(`${printed}\n`);
        }
        return 0;
      }
      io.out(values.format === 'json' ? `${JSON.stringify(list, null, 2)}\n` : formatInternals(list));
      return 0;
    } catch (error) {
      if (!(error instanceof ContainerNotFoundError)) throw error;
      io.err(`shipshape internals: ${error.message}\nhint: list the containers with \`shipshape ps\`, and name them as it shows them\n`);
      return 2;
    }
  },
};
