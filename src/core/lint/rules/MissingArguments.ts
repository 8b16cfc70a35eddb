import { copyOperands } from '../../dockerfile/copy';
import { INSTRUCTION_KEYWORDS } from '../../dockerfile/model';
import { defineInstructionRule, shipshapeDocs } from '../define';

const WHAT: Record<string, string> = {
  FROM: 'name the base image, e.g. FROM alpine:3.20',
  ENTRYPOINT: 'give the program to run, e.g. ENTRYPOINT ["/app/server"]',
  VOLUME: 'give the mount point, e.g. VOLUME /data',
  ARG: 'give the argument name, e.g. ARG VERSION=1.0',
  ENV: 'give a variable, e.g. ENV NAME=value',
  LABEL: 'give a label, e.g. LABEL org.opencontainers.image.title=app',
  ONBUILD: 'give the instruction to run in child images, e.g. ONBUILD COPY . /app',
  SHELL: 'give the shell as a JSON array, e.g. SHELL ["/bin/bash", "-c"]',
  STOPSIGNAL: 'give a signal, e.g. STOPSIGNAL SIGTERM',
  WORKDIR: 'give a directory, e.g. WORKDIR /app',
  USER: 'give a user, e.g. USER app or USER 1000:1000',
  EXPOSE: 'give a port, e.g. EXPOSE 8080',
  MAINTAINER: 'give a name (or better, use LABEL org.opencontainers.image.authors=...)',
  HEALTHCHECK: 'give CMD <command> or NONE, e.g. HEALTHCHECK CMD curl -f http://localhost/',
};

export default defineInstructionRule(
  {
    id: 'MissingArguments',
    source: 'syntax',
    severity: 'error',
    description: 'Instruction without its required arguments',
    rationale:
      'Every instruction except RUN and CMD needs arguments: FROM an image, COPY and ADD a source and a destination, HEALTHCHECK a CMD or NONE. BuildKit stops the build at an instruction that has none, often because a line continuation or a variable went missing.',
    examples: { bad: 'FROM alpine:3.20\nCOPY app.tar.gz\n', good: 'FROM alpine:3.20\nCOPY app.tar.gz /tmp/\n' },
    docs: shipshapeDocs('MissingArguments'),
    fixable: false,
  },
  [...INSTRUCTION_KEYWORDS].filter((k) => k !== 'RUN' && k !== 'CMD'),
  (instruction, ctx) => {
    const keyword = instruction.keyword;
    if (keyword === 'COPY' || keyword === 'ADD') {
      const n = copyOperands(instruction).length;
      if (n >= 2) return;
      ctx.report({
        range: n === 0 || !instruction.argsRange ? instruction.keywordRange : instruction.argsRange,
        message:
          n === 0
            ? `${keyword} needs a source and a destination, e.g. ${keyword} . /app/`
            : instruction.json
              ? `${keyword} needs a destination: add it as the last element of the JSON array`
              : `${keyword} needs a destination after the source, e.g. ${keyword} ${instruction.args[0]!.value} /app/`,
      });
      return;
    }
    if (instruction.args.length > 0) return;
    ctx.report({ range: instruction.keywordRange, message: `${instruction.keywordText} has no arguments: ${WHAT[keyword] ?? 'add its arguments'}` });
  },
);
