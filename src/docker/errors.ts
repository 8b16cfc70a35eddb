// The words a person reads for a failed daemon call.
import { DaemonUnreachableError } from './client';
import { EndpointError } from './endpoint';

/** The message a person should read for a failed daemon call: the daemon's own words when it gave some. */
export function daemonMessage(error: unknown): string {
  if (error instanceof DaemonUnreachableError) return error.message;
  if (error instanceof EndpointError) return `${error.message}; ${error.hint}`;
  const e = error as { json?: unknown; message?: unknown } | undefined;
  const json = e?.json as { message?: unknown } | undefined;
  if (json && typeof json === 'object' && typeof json.message === 'string' && json.message.trim()) return json.message.trim();
  const text = String(e?.message ?? error).trim();
  // docker-modem words stream errors as "(HTTP code 404) no such container - <the daemon's message>".
  const modem = /^\(HTTP code \d+\) (.*?) - (.*)$/s.exec(text);
  return modem ? modem[2]!.trim() || modem[1]! : text;
}
