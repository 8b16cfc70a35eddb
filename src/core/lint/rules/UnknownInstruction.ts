import type { Instruction } from '../../dockerfile/model';
import { INSTRUCTION_KEYWORDS as KEYWORDS } from '../../dockerfile/model';
import { closest } from '../../dockerfile/spelling';
import { defineRule, fix, insertAt, replace, shipshapeDocs } from '../define';
import type { Fix } from '../types';

const LOWER_KEYWORDS = [...KEYWORDS].map((k) => k.toLowerCase());

export default defineRule(
  {
    id: 'UnknownInstruction',
    source: 'syntax',
    severity: 'error',
    description: 'Unknown instruction',
    rationale:
      'BuildKit stops at the first line whose first word is not a Dockerfile instruction. It is usually a typo (`RUNN`, `COPPY`) or a line that was meant to continue the previous instruction but lost its trailing backslash.',
    examples: { bad: 'FROM alpine:3.20\nRUNN echo hi\n', good: 'FROM alpine:3.20\nRUN echo hi\n' },
    docs: shipshapeDocs('UnknownInstruction'),
    fixable: true,
  },
  (ctx) => {
    const { model } = ctx;
    const check = (instruction: Instruction, previous: Instruction | undefined) => {
      if (KEYWORDS.has(instruction.keyword)) return;
      const word = instruction.keywordText;
      const line = instruction.keywordRange.start.line;
      const above = model.lines[line - 1] ?? '';
      // A line above that ends mid-command (`&&`, `|`, `;`, `,`) leaves no doubt: the continuation was lost.
      const dangling = !!previous && previous.range.end.line === line - 1 && /(&&|\|\||[|;,])\s*$/.test(above);
      const suggestion = /^[A-Za-z]+$/.test(word) && !dangling ? closest(word, LOWER_KEYWORDS) : undefined;
      const fixes: Fix[] = [];
      let message = `Unknown instruction \`${word}\``;
      if (suggestion) {
        const cased = word === word.toLowerCase() ? suggestion : suggestion.toUpperCase();
        message += `: did you mean ${cased}?`;
        fixes.push(fix(`Change to ${cased}`, replace(instruction.keywordRange, cased)));
      }
      // Right under another instruction, a word that is not an upper-case typo is most likely a lost line continuation.
      if (previous && KEYWORDS.has(previous.keyword) && previous.range.end.line === line - 1 && (!suggestion || word !== word.toUpperCase())) {
        message += `${suggestion ? ' Or, if' : ': if'} this line continues the ${previous.keyword} above, end line ${line} with \`${model.escapeChar}\``;
        fixes.push(fix(`Continue the ${previous.keyword} from line ${line}`, insertAt(line - 1, above.trimEnd().length, ` ${model.escapeChar}`)));
      } else if (!suggestion) {
        message += ': a Dockerfile line must start with an instruction such as FROM, RUN, COPY or CMD';
      }
      ctx.report({ range: instruction.keywordRange, message, fixes });
    };
    let previous: Instruction | undefined;
    for (const instruction of model.instructions) {
      check(instruction, previous);
      if (instruction.trigger) check(instruction.trigger, undefined);
      previous = instruction;
    }
  },
);
