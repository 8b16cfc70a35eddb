import rule from '../../../../src/core/lint/rules/DL3016';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM node:20\nRUN npm install\n',
    'FROM node:20\nRUN npm install --progress=false\n',
    'FROM node:20\nRUN npm install express@4.1.1\n',
    'FROM node:20\nRUN npm install @myorg/privatepackage@">=0.1.0"\n',
    'FROM node:20\nRUN npm install express@"4.1.1" sax@0.1.1\n',
    'FROM node:20\nRUN npm install -g express@"4.1.1"\n',
    'FROM node:20\nRUN npm install package-v1.2.3.tar package-v1.2.3.tar.gz package-v1.2.3.tgz\n',
    'FROM node:20\nRUN npm install /folder ./folder ../folder ~/folder\n',
    'FROM node:20\nRUN npm install git+ssh://git@github.com:npm/npm.git#v1.0.27 git+http://isaacs@github.com/npm/npm#semver:^5.0\n',
    'FROM node:20\nRUN npm install git://github.com/npm/npm.git#v1.0.27\n',
    'FROM node:20\nRUN npm run --crazy install\n',
    'FROM node:20\nRUN npm install --loglevel verbose sax@0.1.1\n',
    'FROM node:20\nRUN npm install --registry https://example.com sax@0.1.1\n',
    'FROM node:20\nRUN npm ci\n',
    { name: 'values of options written apart are not packages', code: 'FROM node:20\nRUN npm install --location global --before 2024-01-01 -C /app --proxy http://proxy:3128 sax@0.1.1\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 20, endColumn: 30, message: 'Pin versions in npm install: instead of `typescript` use `typescript@<version>`' }],
    },
    { code: 'FROM node:20\nRUN npm install @myorg/privatepackage\n', errors: [{ line: 2, column: 17 }] },
    { code: 'FROM node:20\nRUN npm install express sax@0.1.1\n', errors: [{ line: 2, column: 17 }] },
    { code: 'FROM node:20\nRUN npm install git+https://isaacs@github.com/npm/npm.git\n', errors: [{ line: 2, message: /#<ref>/ }] },
    { code: 'FROM node:20\nRUN npm install --registry=https://example.com express\n', errors: [{ line: 2, column: 48 }] },
    { name: 'npm i is npm install', code: 'FROM node:20\nRUN npm i -g pnpm\n', errors: [{ line: 2, column: 14 }] },
    { name: 'in ONBUILD RUN', code: 'FROM node:20\nONBUILD RUN npm install --global express\n', errors: [{ line: 2, column: 34 }] },
  ],
});
