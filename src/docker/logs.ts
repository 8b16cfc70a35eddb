// Following a container's logs, stdout and stderr apart.
import { Readable, Writable } from 'node:stream';
import { DockerClient, onDaemon } from './client';

export interface LogFollower {
  /** Settles when the daemon ends the stream (the container stopped) or stop() was called. */
  readonly done: Promise<void>;
  stop(): void;
}

/** Follows a container's logs from the last `tail` lines on, stdout and stderr apart (demultiplexed unless it has a TTY). */
export async function followLogs(
  client: DockerClient,
  id: string,
  onOutput: (chunk: Buffer, source: 'stdout' | 'stderr') => void,
  tail = 500,
): Promise<LogFollower> {
  const container = client.api.getContainer(id);
  const info = await onDaemon(client, () => container.inspect());
  const stream = (await onDaemon(client, () => container.logs({ follow: true, stdout: true, stderr: true, tail }))) as Readable;
  const done = new Promise<void>((resolve, reject) => {
    stream.once('end', resolve);
    stream.once('close', resolve);
    stream.once('error', reject);
  });
  // Marked handled for callers that only stop(); those that await done still see the error.
  done.catch(() => undefined);
  if (info.Config.Tty) {
    stream.on('data', (chunk: Buffer) => onOutput(chunk, 'stdout'));
  } else {
    const sink = (source: 'stdout' | 'stderr') => new Writable({ write: (chunk: Buffer, _encoding, callback) => (onOutput(chunk, source), callback()) });
    client.api.modem.demuxStream(stream, sink('stdout'), sink('stderr'));
  }
  return { done, stop: () => stream.destroy() };
}
