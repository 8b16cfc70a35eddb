// `shipshape ps`: every container of the daemon, like `docker ps -a`.
import { formatContainerTable } from '../../core/containers/summary';
import { createDockerClient } from '../../docker/client';
import { listContainers } from '../../docker/containers';
import { EXIT, daemonOptions, defineCommand, formatOption } from '../io';

export const ps = defineCommand({
  name: 'ps',
  summary: 'list all containers (name, image, state, status)',
  operands: '',
  options: { format: formatOption(['tty', 'json']), ...daemonOptions },
  examples: ['shipshape ps --format json', 'shipshape ps --context remote'],
  exitCodes: '0 listed, 2 a usage error or Docker not reachable.',
  async run(values, _operands, io) {
    const client = createDockerClient({ env: io.env, host: values.host, context: values.context });
    const containers = await listContainers(client);
    io.out(values.format === 'json' ? JSON.stringify(containers, null, 2) + '\n' : formatContainerTable(containers));
    return EXIT.ok;
  },
});
