// `shipshape internals CONTAINER...`: what each container is made of (cgroup limits and usage,
// namespaces, capabilities, seccomp), read from this machine when the daemon runs here.
import { formatInternals } from '../../core/internals/format';
import { createDockerClient } from '../../docker/client';
import { HelperOptions } from '../../docker/internals/helper';
import { ContainerNotFoundError, readInternals } from '../../docker/internals/read';
import { EXIT, UsageError, daemonOptions, defineCommand, formatOption } from '../io';

export const internals = defineCommand({
  name: 'internals',
  summary: 'show a container\'s cgroup limits and usage, namespaces (private, host, shared) and security context',
  operands: 'CONTAINER...',
  notes: ['CONTAINER is a name or an id, as `shipshape ps` lists them.'],
  options: {
    format: formatOption(['tty', 'json']),
    helper: { type: 'boolean', help: 'for a daemon whose processes this machine cannot see: read them through a read-only helper container' },
    'helper-image': { type: 'string', value: 'IMAGE', help: 'the helper\'s image, never pulled (default busybox:latest)' },
    'print-helper-command': { type: 'boolean', help: 'print the helper\'s `docker run` line instead of running it' },
    'no-local': { type: 'boolean', help: 'do not read this machine\'s /proc and cgroups, even when the daemon runs here' },
    ...daemonOptions,
  },
  examples: ['shipshape internals web db', 'shipshape internals --format json web'],
  exitCodes: '0 shown, 2 a usage error, an unknown container, or Docker not reachable.',
  async run(values, containers, io) {
    if (containers.length === 0) throw new UsageError('name at least one container (a name or an id, as `shipshape ps` lists them)');
    if (values['helper-image'] && !values.helper && !values['print-helper-command']) throw new UsageError('--helper-image needs --helper');

    const client = createDockerClient({ env: io.env, host: values.host, context: values.context });
    let printed: string | undefined;
    let helper: HelperOptions | false = false;
    if (values.helper || values['print-helper-command']) {
      helper = { image: values['helper-image'] };
      if (values['print-helper-command']) helper.confirm = (line) => ((printed = line), false);
    }
    try {
      const list = await readInternals(client, containers, { local: !values['no-local'], helper });
      if (values['print-helper-command']) {
        if (printed === undefined) {
          io.err('shipshape internals: no helper container is needed: every container was read from this machine (add --no-local to see it anyway)\n');
        } else {
          io.out(`${printed}\n`);
        }
        return EXIT.ok;
      }
      io.out(values.format === 'json' ? `${JSON.stringify(list, null, 2)}\n` : formatInternals(list));
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof ContainerNotFoundError)) throw error;
      io.err(`shipshape internals: ${error.message}\nhint: list the containers with \`shipshape ps\`, and name them as it shows them\n`);
      return EXIT.usage;
    }
  },
});
