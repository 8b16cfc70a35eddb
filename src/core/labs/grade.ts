// A pack's grade from the runner's step states: points per check (partial credit within a step),
// totals, and the formats CI reads: JSON, JUnit (points in <properties>) and GitHub Classroom's
// autograding result.
import { xml } from '../lint/formats/xml';
import type { CheckStatus } from './check';
import { whyNot } from './describe';
import type { Pack } from './pack';
import { checkPoints, stepAvailable } from './points';
import type { StepState } from './runner';

export interface CheckGrade {
  name: string;
  /** 'unchecked': it has not run. */
  status: CheckStatus | 'unchecked';
  earned: number;
  available: number;
  message: string;
}

export interface StepGrade {
  id: string;
  title: string;
  status: StepState['status'];
  solved: boolean;
  earned: number;
  available: number;
  checks: CheckGrade[];
}

export interface Grade {
  pack: string;
  version: string;
  earned: number;
  available: number;
  labs: { id: string; title: string; earned: number; available: number; steps: StepGrade[] }[];
}

const SOLVED = 'solved with the pack\'s solution: 0 points';

export function gradePack(pack: Pack, stateOf: (lab: string, step: string) => StepState): Grade {
  const labs = pack.labs.map((lab) => {
    const steps = lab.steps.map((step): StepGrade => {
      const state = stateOf(lab.id, step.id);
      const shares = checkPoints(step);
      const checks = step.checks.map((spec, i): CheckGrade => {
        const result = state.results[i];
        const available = shares[i]!;
        if (!result) return { name: spec.name ?? `${spec.kind} check ${i + 1}`, status: 'unchecked', earned: 0, available, message: 'not checked' };
        const passed = result.status === 'passed';
        const earned = passed && !state.solved ? available : 0;
        const message = passed ? (state.solved ? SOLVED : 'passed') : whyNot(result)!;
        return { name: result.name, status: result.status, earned, available, message };
      });
      if (!step.checks.length) {
        // A step with nothing to check is graded as one test: passed when the student marked it done.
        const done = state.status === 'passed';
        checks.push({ name: step.title, status: done ? 'passed' : 'unchecked', earned: done ? step.points : 0, available: step.points, message: done ? 'passed' : 'not done' });
      }
      const earned = checks.reduce((n, c) => n + c.earned, 0);
      return { id: step.id, title: step.title, status: state.status, solved: state.solved, earned, available: stepAvailable(step), checks };
    });
    return { id: lab.id, title: lab.title, earned: sum(steps, 'earned'), available: sum(steps, 'available'), steps };
  });
  return { pack: pack.id, version: pack.version, earned: sum(labs, 'earned'), available: sum(labs, 'available'), labs };
}

const sum = <T extends { earned: number; available: number }>(list: T[], key: 'earned' | 'available') => list.reduce((n, x) => n + x[key], 0);

/** Every check with the step and lab it belongs to, in pack order. */
function rows(grade: Grade) {
  return grade.labs.flatMap((lab) => lab.steps.flatMap((step) => step.checks.map((check) => ({ lab, step, check }))));
}

export const gradeJson = (grade: Grade): string => JSON.stringify(grade, null, 2) + '\n';

/** JUnit XML: a suite per lab, a test case per check, its points in <properties>. */
export function gradeJunit(grade: Grade): string {
  const all = rows(grade);
  const count = (list: typeof all, status: CheckGrade['status'][]) => list.filter((r) => status.includes(r.check.status)).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(`${grade.pack} ${grade.version}`)}" tests="${all.length}" failures="${count(all, ['failed', 'unchecked'])}" errors="${count(all, ['errored'])}">`,
  ];
  for (const lab of grade.labs) {
    const mine = all.filter((r) => r.lab === lab);
    lines.push(`  <testsuite name="${xml(lab.id)}" tests="${mine.length}" failures="${count(mine, ['failed', 'unchecked'])}" errors="${count(mine, ['errored'])}">`);
    lines.push(`    <properties><property name="points" value="${lab.earned}"/><property name="max_points" value="${lab.available}"/></properties>`);
    for (const { step, check } of mine) {
      lines.push(`    <testcase name="${xml(`${step.id}: ${check.name}`)}" classname="${xml(`${grade.pack}.${lab.id}.${step.id}`)}">`);
      lines.push(`      <properties><property name="points" value="${check.earned}"/><property name="max_points" value="${check.available}"/>${step.solved ? '<property name="solved" value="true"/>' : ''}</properties>`);
      if (check.status === 'failed' || check.status === 'unchecked') lines.push(`      <failure message="${xml(check.message)}">${xml(check.message)}</failure>`);
      if (check.status === 'errored') lines.push(`      <error message="${xml(check.message)}">${xml(check.message)}</error>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}

export interface ClassroomResult {
  version: 1;
  status: 'pass' | 'fail' | 'error';
  max_score: number;
  tests: { name: string; status: 'pass' | 'fail' | 'error'; score: number; max_score: number; message: string | null; execution_time?: string }[];
}

/**
 * GitHub Classroom's autograding result, the JSON a grader hands the reporter (base64 in the
 * `<RUNNER>_RESULTS` output). Shape as github-education-resources/autograding-grading-reporter reads it:
 * src/main.js fails the run on a status of "fail" or "error"; src/notify-classroom.js sums the tests'
 * `score` against the top-level `max_score`; src/console-results.js prints each test's `name`, `status`
 * ("pass" counts as passed) and `message`; its tests (__tests__/aggregate-results.test.js) show
 * `{version: 1, status, max_score, tests: [{name, status, message, line_no, execution_time, score}]}`.
 */
export function gradeClassroom(grade: Grade): ClassroomResult {
  const tests = rows(grade).map(({ lab, step, check }) => ({
    name: `${lab.id}/${step.id}: ${check.name}`,
    status: check.status === 'passed' ? ('pass' as const) : check.status === 'errored' ? ('error' as const) : ('fail' as const),
    score: check.earned,
    max_score: check.available,
    message: check.status === 'passed' && !step.solved ? null : check.message,
  }));
  const status = tests.some((t) => t.status === 'fail') ? 'fail' : tests.some((t) => t.status === 'error') ? 'error' : 'pass';
  return { version: 1, status, max_score: grade.available, tests };
}
