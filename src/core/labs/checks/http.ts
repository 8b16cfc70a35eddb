// An HTTP GET to a port published on this machine: the status and the body. Traffic goes to loopback
// only (localhost, 127.0.0.0/8, ::1): a pack cannot make a student's machine reach anywhere else.
import { defineCheck, observe, type FieldProblem } from '../check';
import { matchText, type TextMatch } from '../fields';

const REQUEST_TIMEOUT_MS = 5_000;
/** What the connection says when nothing is listening: the student's server is not there yet (failed, not errored). */
const NOT_LISTENING = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Why a URL may not be fetched by a check, or undefined when it may: http:// to a loopback host only. */
export function loopbackProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL`;
  }
  if (parsed.protocol !== 'http:') return `${url}: only http:// URLs are checked (not ${parsed.protocol.replace(/:$/, '')})`;
  if (!LOOPBACK_HOST.test(parsed.hostname)) return `${url}: checks send traffic only to this machine (localhost, 127.0.0.1, [::1]), not to ${parsed.hostname}`;
  return undefined;
}

export default defineCheck({
  meta: {
    kind: 'http',
    description: 'An HTTP GET to a port published on this machine (localhost, 127.0.0.1 or [::1] only; redirects are not followed): the status and the body.',
    fields: {
      url: { type: 'string', required: true, description: 'http://localhost:PORT/path or http://127.0.0.1:PORT/path.' },
      status: { type: 'integer', description: 'The status expected (default 200; a redirect\'s own 3xx, as it is not followed).' },
      body: { type: 'text', description: 'The body: equals (a string), or { contains | matches }.' },
    },
    triggers: [],
    examples: [
      { title: 'The web server answers on 8080', yaml: 'kind: http\nurl: http://localhost:8080/\nbody: {contains: Welcome}' },
      { title: 'A missing page is a 404', yaml: 'kind: http\nurl: http://127.0.0.1:8080/nope\nstatus: 404' },
    ],
  },
  title: (f) => `GET ${f.url} answers ${f.status ?? 200}`,
  validate(f): FieldProblem[] {
    const problem = loopbackProblem(f.url as string);
    return problem ? [{ field: 'url', message: problem, hint: 'publish the container\'s port on this machine (-p 127.0.0.1:8080:80) and check http://localhost:8080/' }] : [];
  },
  async run(f, ctx) {
    const url = f.url as string;
    const status = (f.status as number | undefined) ?? 200;
    const port = new URL(url).port || '80';
    let answer: { status: number; body: string };
    try {
      answer = await ctx.httpGet(url, REQUEST_TIMEOUT_MS);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code || !NOT_LISTENING.has(code)) throw error;
      return [observe('status', false, `status ${status}`, `nothing answered at ${url} (${code})`, `publish the container's port on ${port}: docker run -d -p 127.0.0.1:${port}:PORT … (and check it is running)`)];
    }
    const out = [observe('status', answer.status === status, `status ${status}`, `status ${answer.status}`, `the server answered ${answer.status}: check the path and what the container serves`)];
    if (f.body !== undefined) {
      const m = matchText(f.body as TextMatch, answer.body);
      const shown = answer.body.length > 200 ? `${answer.body.slice(0, 200)}…` : answer.body;
      out.push(observe('body', m.ok, `body ${m.expected}`, `body ${JSON.stringify(shown)}`, 'change what the container serves at this path'));
    }
    return out;
  },
});
