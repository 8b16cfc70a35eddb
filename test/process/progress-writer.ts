// A child process for the progress kill test: saves progress in a loop, each version one more than
// the last, and prints "saved N" after each save has returned. Killed with SIGKILL at random moments.
import { FileProgressStore } from '../../src/process/progress-file';
import type { Progress } from '../../src/core/labs/progress';

async function main(): Promise<void> {
  const store = new FileProgressStore(process.argv[2]!);
  const loaded = await store.load('kill-test', '1.0.0');
  let n = (loaded?.steps['count/n']?.hintsShown ?? 0) + 1;
  const answers: Record<string, string> = {};
  for (let i = 0; i < 400; i++) answers[String(i)] = 'an answer long enough to make the file take a while to write '.repeat(3);
  for (;;) {
    const progress: Progress = {
      packId: 'kill-test',
      version: '1.0.0',
      savedAt: new Date().toISOString(),
      steps: { 'count/n': { status: 'ready', points: n, hintsShown: n, solved: false, answers } },
    };
    await store.save(progress);
    process.stdout.write(`saved ${n}\n`);
    n++;
  }
}

void main();
