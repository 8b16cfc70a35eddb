import type { Instruction } from '../../dockerfile/model';
import { unquotePair } from '../../dockerfile/quotes';
import { defineRule, hadolintDocs } from '../define';

/** A variable reference, `$NAME` or `${NAME…}`: its name. */
const VARIABLE = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;

export default defineRule(
  {
    id: 'DL3066',
    source: 'hadolint',
    severity: 'info',
    description: 'Non-numeric user-id may not be resolvable by host system',
    rationale:
      'A user name is resolved through the image\'s /etc/passwd, which the host and orchestrators cannot see: Kubernetes `runAsNonRoot`, for one, refuses to start an image whose user is a name. A numeric UID (`USER 10001` or `10001:10001`) is unambiguous everywhere.',
    examples: {
      bad: 'FROM debian:12\nRUN useradd -u 10001 app\nUSER app\n',
      good: 'FROM debian:12\nRUN useradd -u 10001 app\nUSER 10001\n',
    },
    docs: hadolintDocs('DL3066'),
    fixable: false,
    stages: { mode: 'per-stage', note: "only the last stage's own last USER is judged, as hadolint: a USER inherited from the stage it is built on is not" },
  },
  (ctx) => {
    // Only the user the final image runs as matters: the last USER of the last stage (as hadolint's latest rule).
    const last = ctx.model.stages[ctx.model.stages.length - 1];
    let user: Instruction | undefined;
    for (const instruction of last?.instructions ?? []) if (instruction.keyword === 'USER') user = instruction;
    const word = user?.args[0];
    if (!user || !word) return;
    const uid = unquotePair(word.value).split(':')[0]!;
    if (/^\d*$/.test(uid)) return;
    if (uid.includes('$')) {
      // A variable set by ARG (or ENV: our addition) may well hold a number; only the build knows.
      const before = ctx.model.instructions.filter((i) => i.index < user!.index && (i.keyword === 'ARG' || i.keyword === 'ENV'));
      const declared = new Set(before.flatMap((i) => i.properties.map((kv) => kv.key)));
      // Whole names: `ARG USER` says nothing about `$USER_ID`.
      const used = [...uid.matchAll(VARIABLE)].map((m) => m[1]!);
      if (used.some((name) => declared.has(name))) return;
    }
    ctx.report({ range: word.range, message: `Non-numeric user \`${uid}\` may not be resolvable by the host system: use a numeric UID (e.g. \`USER 10001\`)` });
  },
);
