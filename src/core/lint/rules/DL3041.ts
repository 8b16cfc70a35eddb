import { defineRule, hadolintDocs } from '../define';
import { DNF_PINNABLE, DNF_TOOLS, DNF_VALUED } from '../package-managers';
import { reportUnpinnedRpms } from '../rpm-pins';

export default defineRule(
  {
    id: 'DL3041',
    source: 'hadolint',
    severity: 'warning',
    description: 'Specify version with `dnf install -y <package>-<version>`',
    rationale:
      'Unpinned packages install whatever the repository holds on the day of the build, so two builds of one Dockerfile can differ. `dnf install -y httpd-2.4.62` (and `dnf module install nodejs:20`) keeps builds repeatable and makes upgrades deliberate.',
    examples: {
      bad: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
      good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
    },
    docs: hadolintDocs('DL3041'),
    fixable: false,
    stages: { mode: 'inherits', note: 'a version variable set by ENV or ARG in the stage it is built on pins the package; one in an unrelated stage does not (hadolint main counts any stage\'s ARG)' },
  },
  // A whole-file rule: an ENV or ARG earlier in the stage can pin `pkg-${VERSION}`, so a RUN's findings depend on more than its text.
  (ctx) => reportUnpinnedRpms(ctx, DNF_TOOLS, DNF_VALUED, DNF_PINNABLE),
);
