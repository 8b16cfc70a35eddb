import rule from '../../../../src/core/lint/rules/DL3042';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM python:3.12\nRUN pip2 install MySQL_python --no-cache-dir\n',
    'FROM python:3.12\nRUN pipx install software && pipenv install library\n',
    'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install MySQL_python\n',
    'FROM python:3.12\nENV PIP_NO_CACHE_DIR=true\nONBUILD RUN pip install MySQL_python\n',
    'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=on pip install MySQL_python\n',
    'FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=yes && pip install MySQL_python\n',
    { name: 'inherited from the parent stage', code: 'FROM debian:buster AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install six\n' },
    { name: 'a cache mount keeps the cache out of the layer', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install six\n' },
    'FROM python:3.12\nRUN pip download six && pip uninstall -y six\n',
    'FROM python:3.12\nRUN ["pip", "install", "six"]\n',
    { name: 'in a Dockerfile fragment without FROM, as hadolint: PIP_NO_CACHE_DIR set by an ENV above', code: 'ENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 5, endColumn: 16, message: 'Avoid use of cache directory with pip: use `pip install --no-cache-dir …`' }],
      output: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n',
    },
    {
      name: 'pip3, python -m pip and a venv path',
      code: 'FROM python:3.12\nRUN pip3 install a && python3 -m pip install -U pip && /opt/venv/bin/pip install -r requirements.txt\n',
      errors: [{ line: 2, column: 5 }, { line: 2, column: 23, message: /`python3 -m pip install --no-cache-dir …`/ }, { line: 2, column: 56 }],
      output:
        'FROM python:3.12\nRUN pip3 install --no-cache-dir a && python3 -m pip install --no-cache-dir -U pip && /opt/venv/bin/pip install --no-cache-dir -r requirements.txt\n',
    },
    { name: 'in ONBUILD RUN', code: 'FROM python:3.12\nONBUILD RUN pip install MySQL_python\n', errors: [{ line: 2, column: 13 }] },
    { name: 'a falsy PIP_NO_CACHE_DIR', code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=0\nRUN PIP_NO_CACHE_DIR=off pip install six\n', errors: [{ line: 3 }] },
    {
      name: 'not inherited from an unrelated stage',
      code: 'FROM debian:buster AS base\nENV PIP_NO_CACHE_DIR=1\nFROM debian:buster\nRUN pip install six\n',
      errors: [{ line: 4, column: 5 }],
    },
    {
      name: 'ENV after the RUN does not count; general options before install',
      code: 'FROM python:3.12\nRUN pip --disable-pip-version-check --timeout 60 \\\n    install six\nENV PIP_NO_CACHE_DIR=1\n',
      errors: [{ line: 2, column: 5, endLine: 3, endColumn: 12 }],
      output: 'FROM python:3.12\nRUN pip --disable-pip-version-check --timeout 60 \\\n    install --no-cache-dir six\nENV PIP_NO_CACHE_DIR=1\n',
    },
    { name: 'in a Dockerfile fragment without FROM, as hadolint: pip install without --no-cache-dir', code: 'RUN pip install flask\n', errors: [{ line: 1, column: 5, endColumn: 16 }], output: 'RUN pip install --no-cache-dir flask\n' },
    { name: 'a fragment\'s PIP_NO_CACHE_DIR does not reach the stage after it, as hadolint', code: 'ENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN pip install flask\n', errors: [{ line: 3 }] },
  ],
});
