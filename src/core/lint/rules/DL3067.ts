import { copyOperands } from '../../dockerfile/copy';
import { flagNamed } from '../../dockerfile/flags';
import { unquotePair } from '../../dockerfile/quotes';
import { defineInstructionRule, hadolintDocs } from '../define';

export default defineInstructionRule(
  {
    id: 'DL3067',
    source: 'hadolint',
    severity: 'warning',
    description: 'Do not copy an entire filesystem from another stage',
    rationale:
      '`COPY --from=stage / /` drags the whole other image into this one: compilers, caches, package databases and its own settings, overwriting yours. Copy only the artifacts the final image needs, such as the built binary or the application folder.',
    examples: {
      bad: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static\nCOPY --from=build / /\n',
      good: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static\nCOPY --from=build /out/app /app\n',
    },
    docs: hadolintDocs('DL3067'),
    fixable: false,
  },
  'COPY',
  (instruction, ctx) => {
    const from = flagNamed(instruction, 'from');
    if (!from?.value) return;
    const operands = copyOperands(instruction);
    const paths = operands.map((o) => (o.exec ? o.value : unquotePair(o.value)));
    if (paths.length < 2 || paths[paths.length - 1] !== '/') return;
    const source = paths.slice(0, -1).indexOf('/');
    if (source < 0) return;
    ctx.report({
      range: operands[source]!.range,
      message: `Do not copy the entire filesystem of \`${from.value}\` into this image: copy only the files it needs (e.g. \`COPY --from=${from.value} /path/to/app /app\`)`,
    });
  },
);
