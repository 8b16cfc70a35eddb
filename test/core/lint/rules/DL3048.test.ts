import rule from '../../../../src/core/lint/rules/DL3048';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM busybox:1.36\nLABEL org.valid-key.label3="foo"\n',
    'FROM busybox:1.36\nLABEL validlabel="foo" maintainer="me@example.com"\n',
    'FROM busybox:1.36\nLABEL "com.example.vendor"="ACME"\n',
    'FROM busybox:1.36\nONBUILD LABEL org.valid="foo"\n',
    { name: 'underscores and slashes in a key, as hadolint main', code: 'FROM busybox:1.36\nLABEL org.example/build_id="42"\n' },
  ],
  invalid: [
    { name: 'a key ending in an underscore', code: 'FROM busybox:1.36\nLABEL a_="x"\n', errors: [{ line: 2, message: /end with a lowercase letter or a digit/ }] },
    { code: rule.meta.examples.bad, errors: [{ line: 2, column: 7, endColumn: 25, message: 'Invalid label key `com.docker.version`: the `com.docker.*` namespace is reserved for Docker' }] },
    { code: 'FROM busybox:1.36\nLABEL io.docker.label="foo" org.dockerproject.label="foo"\n', errors: [{ line: 2, column: 7 }, { line: 2, column: 29 }] },
    { code: 'FROM busybox:1.36\nLABEL invalid$character="foo"\n', errors: [{ line: 2, message: /not `\$`/ }] },
    { code: 'FROM busybox:1.36\nLABEL .invalid="foo" -invalid="foo" 1invalid="foo"\n', errors: [{ line: 2, message: /start with a lowercase letter/ }, { line: 2 }, { line: 2 }] },
    { code: 'FROM busybox:1.36\nLABEL invalid..character="foo" invalid--character="foo"\n', errors: [{ line: 2, message: /consecutive/ }, { line: 2, column: 32 }] },
    { name: 'uppercase, in ONBUILD', code: 'FROM busybox:1.36\nONBUILD LABEL Version="1.0"\n', errors: [{ line: 2, column: 15, message: /start with a lowercase letter/ }] },
    { name: 'ending with a dot', code: 'FROM busybox:1.36\nLABEL org.example.="x"\n', errors: [{ line: 2, message: /end with a lowercase letter or a digit/ }] },
  ],
});
