// The whole-process baseline of bench/lint: what Microsoft's Docker extension does for each open Dockerfile,
// for every file named on the command line: read it, validate it with dockerfile-utils, count the problems.
//   node out/bench/validate-files.js FILE...
import fs from 'node:fs';
import { validate } from 'dockerfile-utils';

let problems = 0;
for (const file of process.argv.slice(2)) problems += validate(fs.readFileSync(file, 'utf8')).length;
process.stdout.write(`${problems} problems\n`);
