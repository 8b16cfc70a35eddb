// A question answered in the step panel: multiple choice, or a short answer. The pack may store only
// the sha256 of the normalised answer, so reading the pack does not give the answer away.
import crypto from 'node:crypto';
import { defineCheck, observe, type FieldProblem } from '../check';

/** Trimmed, lower-cased, inner whitespace collapsed: how an answer is compared and hashed. */
export function normaliseAnswer(answer: string): string {
  return answer.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The hex sha256 of an answer's normalised form: what `answerSha256` holds. */
export function answerHash(answer: string): string {
  return crypto.createHash('sha256').update(normaliseAnswer(answer), 'utf8').digest('hex');
}

const isRight = (f: Record<string, unknown>, given: string) =>
  typeof f.answer === 'string' ? normaliseAnswer(f.answer) === normaliseAnswer(given) : answerHash(given) === String(f.answerSha256).toLowerCase();

export default defineCheck({
  meta: {
    answeredByStudent: true,
    kind: 'quiz',
    description: 'A question the student answers in the step panel: multiple choice (choices) or a short answer. Answers are compared trimmed, lower-cased, with inner whitespace collapsed; the pack may hold only the sha256 of that form (answerSha256).',
    fields: {
      question: { type: 'string', required: true, description: 'The question, in Markdown.' },
      choices: { type: 'string[]', description: 'The choices offered; without them the question takes a short answer.' },
      answer: { type: 'string', description: 'The right answer (one of the choices, when there are choices).' },
      answerSha256: { type: 'string', description: 'Instead of answer: the hex sha256 of the right answer trimmed, lower-cased, inner whitespace collapsed (printf %s bridge | sha256sum).' },
      explanation: { type: 'string', description: 'Shown once the question is answered: why that is the answer (Markdown).' },
    },
    triggers: [],
    examples: [
      { title: 'Multiple choice', yaml: 'kind: quiz\nquestion: Which flag limits a container\'s memory?\nchoices: [--memory, --cpus, --pids-limit]\nanswer: --memory' },
      { title: 'A short answer stored as a hash', yaml: 'kind: quiz\nquestion: What is the default network driver?\nanswerSha256: 17f29b073143d8cd97b5bbe492bdeffec1c5fee55cc1fe2112c8b9335f8b6121  # sha256 of "bridge"' },
    ],
  },
  title: (f) => String(f.question).split('\n')[0]!.slice(0, 80),
  validate(f): FieldProblem[] {
    const hasAnswer = f.answer !== undefined;
    const hasHash = f.answerSha256 !== undefined;
    if (hasAnswer === hasHash)
      return [{ field: hasAnswer ? 'answerSha256' : 'question', message: hasAnswer ? 'give answer or answerSha256, not both' : 'the quiz has no answer', hint: 'add answer: TEXT, or answerSha256: the sha256 of the normalised answer' }];
    if (hasHash && !/^[0-9a-f]{64}$/i.test(String(f.answerSha256))) return [{ field: 'answerSha256', message: 'answerSha256 is not a hex sha256 (64 hex digits)', hint: 'compute it with answerHash: trimmed, lower-cased, whitespace collapsed' }];
    const choices = f.choices as string[] | undefined;
    if (choices && !choices.some((c) => isRight(f, c)))
      return [{ field: hasAnswer ? 'answer' : 'answerSha256', message: 'the answer is none of the choices', hint: 'make the right answer one of the choices' }];
    return [];
  },
  async run(f, ctx) {
    const given = ctx.answer(ctx.checkId);
    if (given === undefined || given.trim() === '') return [observe('answer', false, 'an answer', 'not answered', 'answer the question in the step panel')];
    const right = isRight(f, given);
    return [observe('answer', right, 'the right answer', right ? `${given} (right)` : given, 'not that one: read the step again, or take a hint')];
  },
});
