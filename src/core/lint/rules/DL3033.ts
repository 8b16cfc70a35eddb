import { defineRule, hadolintDocs } from '../define';
import { YUM_VALUED } from '../package-managers';
import { reportUnpinnedRpms } from '../rpm-pins';

export default defineRule(
  {
    id: 'DL3033',
    source: 'hadolint',
    severity: 'warning',
    description: 'Specify version with `yum install -y <package>-<version>`',
    rationale:
      'Unpinned packages install whatever the repository holds on the day of the build, so two builds of one Dockerfile can differ. `yum install -y httpd-2.4.6` (and `yum module install nodejs:18`) keeps builds repeatable and makes upgrades deliberate.',
    examples: {
      bad: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
      good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    },
    docs: hadolintDocs('DL3033'),
    fixable: false,
    stages: { mode: 'inherits', note: 'a version variable set by ENV or ARG in the stage it is built on pins the package; one in an unrelated stage does not (hadolint main counts any stage\'s ARG)' },
  },
  // A whole-file rule: an ENV or ARG earlier in the stage can pin `pkg-${VERSION}`, so a RUN's findings depend on more than its text.
  (ctx) => reportUnpinnedRpms(ctx, ['yum'], YUM_VALUED),
);
