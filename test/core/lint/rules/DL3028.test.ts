import rule from '../../../../src/core/lint/rules/DL3028';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'values of -s and --config-file written apart are not gems', code: 'FROM ruby:3.3\nRUN gem install -s https://rubygems.org --config-file /etc/gemrc rake:13.2.1\n' },
    rule.meta.examples.good,
    'FROM ruby:3.3\nRUN gem i bundler:1\n',
    'FROM ruby:3.3\nRUN gem i bunlder:1 nokogiri:1\n',
    "FROM ruby:3.3\nRUN gem install bundler -v '2.0.1'\n",
    "FROM ruby:3.3\nRUN gem install bundler --version '2.0.1'\n",
    "FROM ruby:3.3\nRUN gem install bundler --version='2.0.1'\n",
    'FROM ruby:3.3\nRUN gem install bundler:2.0.1 -- --use-system-libraries=true\n',
    'FROM ruby:3.3\nRUN gem install bundler:2.0.1 -- --use-system-libraries true\n',
    'FROM ruby:3.3\nRUN gem install bundler:2.0.1 --use-system-libraries true\n',
    'FROM ruby:3.3\nRUN gem update --system\n',
    'FROM ruby:3.3\nRUN gem install --install-dir /gems rake:13.2.1\n',
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 17, endColumn: 24, message: 'Pin versions in gem install: instead of `bundler` use `bundler:<version>`' }],
    },
    { code: 'FROM ruby:3.3\nRUN gem i bundler\n', errors: [{ line: 2, column: 11 }] },
    { code: 'FROM ruby:3.3\nRUN gem i bunlder:1 nokogiri\n', errors: [{ line: 2, column: 21 }] },
    { name: 'a gem after a flag without a value (hadolint main skips the word after every option)', code: 'FROM ruby:3.3\nRUN gem install --no-document bundler\n', errors: [{ line: 2, column: 31 }] },
    { name: 'with --no-document', code: 'FROM ruby:3.3\nRUN gem install --no-document \\\n    rails\n', errors: [{ line: 3, column: 5 }] },
    { name: 'in ONBUILD RUN', code: 'FROM ruby:3.3\nONBUILD RUN gem install rake\n', errors: [{ line: 2, column: 25 }] },
  ],
});
