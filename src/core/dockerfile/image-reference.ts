// Image references (`registry/name:tag@digest`) as Docker parses them.

// The image reference grammar of distribution/reference, which BuildKit's ParseNormalizedNamed applies.
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const NAME = `((?:${HOST}(?::[0-9]+)?/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)`;
const TAG = '(?::[\\w][\\w.-]{0,127})?';
const DIGEST = '(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?';
const REFERENCE = new RegExp(`^${NAME}${TAG}${DIGEST}$`);
const IMAGE_ID = /^[a-f0-9]{64}$/;

/** Would `docker pull`-style parsing (reference.ParseNormalizedNamed) accept this image name? */
export function isValidImageReference(ref: string): boolean {
  if (ref === '' || IMAGE_ID.test(ref)) return false;
  const slash = ref.indexOf('/');
  const first = slash < 0 ? '' : ref.slice(0, slash);
  const hasDomain = slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
  const remainder = hasDomain ? ref.slice(slash + 1) : ref;
  const colon = remainder.indexOf(':');
  const repository = colon < 0 ? remainder : remainder.slice(0, colon);
  if (repository.toLowerCase() !== repository) return false;
  const match = REFERENCE.exec(hasDomain ? ref : `docker.io/${ref}`);
  return !!match && match[1]!.length <= 255;
}
