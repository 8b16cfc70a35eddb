// The quiz kind: answers compared normalised, against a plain answer or its hash; validation at load.
import assert from 'node:assert/strict';
import type { CheckContext } from '../../../../src/core/labs/check';
import quiz, { answerHash, normaliseAnswer } from '../../../../src/core/labs/checks/quiz';
import { parseFields } from '../../../support/lab-checks';

/** Only answer and checkId are read by a quiz: the rest of the context is never touched. */
const answered = (answer: string | undefined) => ({ checkId: 'lab/step/1', answer: (id: string) => (id === 'lab/step/1' ? answer : 'wrong id') }) as unknown as CheckContext;

describe('labs check: quiz', () => {
  it('normalises: trimmed, lower-cased, inner whitespace collapsed; hashes that form', () => {
    assert.equal(normaliseAnswer('  The   Bridge\tDriver \n'), 'the bridge driver');
    // echo -n bridge | sha256sum
    assert.equal(answerHash(' BRIDGE '), '17f29b073143d8cd97b5bbe492bdeffec1c5fee55cc1fe2112c8b9335f8b6121');
  });

  const table: { title: string; fields: Record<string, unknown>; given: string | undefined; ok: boolean; actual: string; hint?: string }[] = [
    { title: 'the right choice', fields: { question: 'Which flag?', choices: ['--memory', '--cpus'], answer: '--memory' }, given: '--memory', ok: true, actual: '--memory (right)' },
    { title: 'the right short answer, spelt loosely', fields: { question: 'Default driver?', answer: 'bridge' }, given: '  Bridge ', ok: true, actual: '  Bridge  (right)' },
    { title: 'the right answer against its hash', fields: { question: 'Default driver?', answerSha256: answerHash('bridge') }, given: 'BRIDGE', ok: true, actual: 'BRIDGE (right)' },
    { title: 'a wrong choice', fields: { question: 'Which flag?', choices: ['--memory', '--cpus'], answer: '--memory' }, given: '--cpus', ok: false, actual: '--cpus', hint: 'not that one: read the step again, or take a hint' },
    { title: 'a wrong answer against a hash', fields: { question: 'Default driver?', answerSha256: answerHash('bridge') }, given: 'host', ok: false, actual: 'host', hint: 'not that one: read the step again, or take a hint' },
    { title: 'no answer yet', fields: { question: 'Default driver?', answer: 'bridge' }, given: undefined, ok: false, actual: 'not answered', hint: 'answer the question in the step panel' },
  ];
  for (const c of table)
    it(`${c.ok ? 'passes' : 'fails'}: ${c.title}`, async () => {
      const [o] = await quiz.run(parseFields(quiz, c.fields), answered(c.given));
      assert.deepEqual({ ...o }, { field: 'answer', ok: c.ok, expected: c.given === undefined ? 'an answer' : 'the right answer', actual: c.actual, ...(c.hint ? { hint: c.hint } : {}) });
    });

  it('refuses at load: no answer, both answers, a bad hash, an answer none of the choices', () => {
    const messages = (f: Record<string, unknown>) => quiz.validate!({ question: 'Q?', ...f }).map((p) => p.message);
    assert.deepEqual(messages({}), ['the quiz has no answer']);
    assert.deepEqual(messages({ answer: 'a', answerSha256: answerHash('a') }), ['give answer or answerSha256, not both']);
    assert.deepEqual(messages({ answerSha256: 'abc' }), ['answerSha256 is not a hex sha256 (64 hex digits)']);
    assert.deepEqual(messages({ choices: ['x', 'y'], answer: 'z' }), ['the answer is none of the choices']);
    assert.deepEqual(messages({ choices: ['x', 'y'], answerSha256: answerHash('Y') }), []);
  });
});
