// Every rule, in one list. `node scripts/gen-rule-index.mjs` rewrites this file from the folder.
import type { Rule } from '../types';
import DL3000 from './DL3000';
import DL3006 from './DL3006';
import DL3008 from './DL3008';
import DL3025 from './DL3025';
import DL4006 from './DL4006';

export const allRules: readonly Rule[] = [
  DL3000,
  DL3006,
  DL3008,
  DL3025,
  DL4006,
];
