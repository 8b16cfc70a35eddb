// A Unix-socket proxy in front of the Docker socket that counts HTTP requests, so tests and
// benchmarks can measure how many API calls the extension makes (e.g. none while idle).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface CountingProxy {
  socketPath: string;
  /** Requests seen, by "METHOD /path" without the query string. */
  requests: string[];
  /** Answers "METHOD /path" (no version, no query) with this HTTP status and daemon message, as a
   * daemon refusing that call does, until allow() is called; the connection is closed after it. */
  refuse(request: string, status: number, message: string): void;
  allow(request: string): void;
  close(): Promise<void>;
}

const REQUEST_LINE = /(?:^|\r\n)(GET|POST|PUT|DELETE|HEAD) (\S+) HTTP\/1\.[01]\r\n/g;

/** Listens at `socketPath` (default: a new temporary folder) and forwards to `target`. */
export async function startCountingProxy(target = '/var/run/docker.sock', socketPath?: string): Promise<CountingProxy> {
  const dir = socketPath ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-proxy-'));
  socketPath ??= path.join(dir!, 'docker.sock');
  const requests: string[] = [];
  const refused = new Map<string, { status: number; message: string }>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target);
    sockets.add(client).add(upstream);
    client.on('data', (chunk) => {
      for (const m of chunk.toString('latin1').matchAll(REQUEST_LINE)) {
        const request = `${m[1]} ${m[2]!.split('?')[0]!.replace(/^\/v[\d.]+/, '')}`;
        requests.push(request);
        const refusal = refused.get(request);
        if (refusal) {
          const body = JSON.stringify({ message: refusal.message });
          client.end(`HTTP/1.1 ${refusal.status} Refused\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
          return;
        }
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    socketPath,
    requests,
    refuse: (request, status, message) => void refused.set(request, { status, message }),
    allow: (request) => void refused.delete(request),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => {
          if (dir) fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
