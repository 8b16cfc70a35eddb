import type { Range, Stage } from '../../dockerfile/model';
import { defineRule, fix, replace, shipshapeDocs } from '../define';

const PATH = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const ALGORITHM = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*$/;
const HEX_LENGTH = new Map([['sha256', 64], ['sha384', 96], ['sha512', 128]]);
const LOWER_HEX = /^[a-f0-9]+$/;
const ANY_HEX = /^[a-fA-F0-9]{32,}$/;
export default defineRule(
  {
    id: 'InvalidImageReference',
    source: 'syntax',
    severity: 'error',
    description: 'Base image reference that cannot be pulled',
    rationale:
      'An image reference is `[registry/]name[:tag][@digest]` with a lowercase name, a tag of letters, digits, `_`, `.` and `-`, and a digest such as sha256:<64 hex digits>. Anything else fails the build with "invalid reference format" before a single layer is pulled.',
    examples: { bad: 'FROM Ubuntu:22.04\nRUN echo hi\n', good: 'FROM ubuntu:22.04\nRUN echo hi\n' },
    docs: shipshapeDocs('InvalidImageReference'),
    fixable: true,
  },
  (ctx) => {
    const { model } = ctx;
    const check = (stage: Stage) => {
      const image = stage.image;
      if (!image) return;
      const raw = image.raw;
      // Variables are resolved at build time; an undeclared or empty one is UndefinedArgInFrom's / InvalidDefaultArgInFrom's.
      if (raw.includes('$')) return;
      const lower = raw.toLowerCase();
      // An earlier stage used as the image is not a reference to pull.
      if (lower === 'scratch' || stage.parent) return;
      const name = image.name ?? '';
      // The name's range, from the image's range and the registry's length (on one line only).
      const single = image.range.start.line === image.range.end.line;
      const nameStart = image.range.start.character + (image.registry ? image.registry.length + 1 : 0);
      const line = image.range.start.line;
      const nameRange: Range | null = single ? { start: { line, character: nameStart }, end: { line, character: nameStart + name.length } } : null;
      if (!PATH.test(name)) {
        if (nameRange && PATH.test(name.toLowerCase())) {
          ctx.report({
            range: nameRange,
            message: `Image names must be lowercase: \`${name}\` is an invalid reference, use \`${name.toLowerCase()}\``,
            fixes: [fix(`Change to ${name.toLowerCase()}`, replace(nameRange, name.toLowerCase()))],
          });
        } else {
          ctx.report({ range: nameRange ?? image.range, message: `Invalid image name \`${name}\`: use lowercase letters, digits and separators (. _ - /)` });
        }
        return;
      }
      if (image.tag !== null) {
        const tagRange: Range = image.tagRange ?? image.range;
        if (image.tag === '') ctx.report({ range: image.range, message: `\`${raw}\` has an empty tag after \`:\`: add a tag or remove the colon` });
        else if (!TAG.test(image.tag)) {
          const message = `Invalid tag \`${image.tag}\`: a tag is up to 128 letters, digits, \`_\`, \`.\` and \`-\`, not starting with \`.\` or \`-\``;
          ctx.report({ range: tagRange, message });
        }
      }
      if (image.digest !== null) {
        const at = raw.lastIndexOf('@');
        const digestRange: Range = single
          ? { start: { line: image.range.start.line, character: image.range.start.character + at + 1 }, end: image.range.end }
          : image.range;
        const digest = image.digest;
        const colon = digest.indexOf(':');
        const algorithm = colon === -1 ? '' : digest.slice(0, colon);
        const hex = digest.slice(colon + 1);
        const expected = HEX_LENGTH.get(algorithm);
        const valid =
          colon > 0 && ALGORITHM.test(algorithm) && (expected !== undefined ? hex.length === expected && LOWER_HEX.test(hex) : ANY_HEX.test(hex));
        if (!valid) {
          ctx.report({
            range: digest === '' ? image.range : digestRange,
            message:
              digest === ''
                ? `\`${raw}\` has an empty digest after \`@\``
                : `Invalid digest \`${digest}\`: use <algorithm>:<hex>, e.g. sha256: followed by 64 lowercase hex digits`,
          });
        }
      }
    };
    for (const stage of model.stages) check(stage);
  },
);
