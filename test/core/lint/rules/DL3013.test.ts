import rule from '../../../../src/core/lint/rules/DL3013';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM python:3.12\nRUN pip3 install MySQL_python==1.2.2\n',
    'FROM python:3.12\nRUN pip3 install mypkg.whl mypkg.tar.gz\n',
    'FROM python:3.12\nRUN pip install -r requirements.txt\n',
    'FROM python:3.12\nRUN pip install --requirement requirements.txt\n',
    'FROM python:3.12\nRUN pip install .\n',
    'FROM python:3.12\nRUN pip install -e .\n',
    "FROM python:3.12\nRUN pip install 'alabaster>=0.7' 'b<0.7' 'c!=0.7' d~=1.2 e===1.0\n",
    'FROM python:3.12\nRUN pip3 install --build /opt/yamllint --prefix /p --root /r --target /t --trusted-host host yamllint==1.20.0\n',
    'FROM python:3.12\nRUN python -m pip install example==1.2.2\n',
    'FROM python:3.12\nRUN pip install git+https://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext\n',
    'FROM python:3.12\nRUN pip install --index-url https://eg.com/foo --extra-index-url https://ex-eg.io/foo foobar==1.0.0 --no-cache-dir\n',
    'FROM python:3.12\nRUN pip install pykafka --constraint http://foo.bar.baz\n',
    'FROM python:3.12\nRUN pip install pykafka -c constraints.txt\n',
    'FROM python:3.12\nRUN pip install ./vendor/pkg\n',
    'FROM python:3.12\nRUN pip install $PACKAGES\n',
    'FROM python:3.12\nRUN pipenv install requests\n',
    { name: 'the value of --root-user-action is not a package (as hadolint main)', code: 'FROM python:3.12\nRUN pip install --no-cache-dir --root-user-action ignore poetry==1.8.5\n' },
    { name: 'values of other flags written apart are not packages', code: 'FROM python:3.12\nRUN pip install --index-url https://example.com/simple --group dev --use-deprecated legacy-resolver poetry==1.8.5\n' },
    { name: 'pipx install pinned; the value of --python is not a package (as hadolint main)', code: 'FROM python:3.12\nRUN pipx install --python "$(which python)" "poetry==1.8.5"\n' },
    { name: 'pipx install with --pip-args and --suffix', code: 'FROM python:3.12\nRUN pipx install --suffix _2 --pip-args "--no-cache-dir" black==24.1.0\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 2, column: 32, endColumn: 37, message: /instead of `flask` use `flask==<version>`/ }] },
    { code: 'FROM python:3.12\nRUN pip2 install MySQL_python\n', errors: [{ line: 2, column: 18 }] },
    { code: 'FROM python:3.12\nRUN python3 -m pip install --index-url url example\n', errors: [{ line: 2, column: 44 }] },
    { code: 'FROM python:3.12\nRUN pip install git+https://github.com/rtfd/read-ext.git#egg=read-ext\n', errors: [{ line: 2, message: /@<ref>/ }] },
    {
      name: 'only the unpinned ones',
      code: 'FROM python:3.12\nRUN pip install \\\n    a==1 \\\n    b \\\n    "c[extra]"\n',
      errors: [{ line: 4, column: 5 }, { line: 5, column: 5 }],
    },
    {
      name: 'pipx install unpinned (as hadolint main)',
      code: 'FROM python:3.12\nRUN pipx install black\n',
      errors: [{ line: 2, column: 18, endColumn: 23, message: 'Pin versions in pipx install: instead of `black` use `black==<version>`' }],
    },
    { name: 'with --root-user-action=value the package is still checked (as hadolint main)', code: 'FROM python:3.12\nRUN pip install --root-user-action=ignore mypkg\n', errors: [{ line: 2, column: 43 }] },
    { name: 'after a flag value written apart, the package is still checked', code: 'FROM python:3.12\nRUN pip install --root-user-action ignore mypkg\n', errors: [{ line: 2, column: 43 }] },
    { name: 'pip upgrading itself', code: 'FROM python:3.12\nRUN pip install --upgrade pip\n', errors: [{ line: 2, column: 27 }] },
    { name: 'in ONBUILD RUN', code: 'FROM python:3.12\nONBUILD RUN pip install requests\n', errors: [{ line: 2, column: 25 }] },
  ],
});
