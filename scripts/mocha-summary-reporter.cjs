// Mocha's spec output, plus a JSON summary in $SHIPSHAPE_SUMMARY for scripts/test.mjs to add up.
const fs = require('node:fs');
const Mocha = require('mocha');

class SpecWithSummary extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const file = process.env.SHIPSHAPE_SUMMARY;
      if (!file) return;
      const { passes, failures, pending } = this.stats;
      fs.writeFileSync(file, JSON.stringify({ passed: passes, failed: failures, pending }));
    });
  }
}
module.exports = SpecWithSummary;
