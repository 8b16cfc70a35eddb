import { defineInstructionRule, hadolintDocs } from '../define';
import { typedLabels } from '../label-schema';

// Common SPDX license identifiers (current and still-seen deprecated ones). NOT the full SPDX list
// (about 700 ids): a rare but valid id is reported too; `LicenseRef-…` covers licenses outside it.
const LICENSE_IDS = `0BSD AFL-1.1 AFL-1.2 AFL-2.0 AFL-2.1 AFL-3.0 AGPL-1.0 AGPL-1.0-only AGPL-1.0-or-later AGPL-3.0 AGPL-3.0-only
AGPL-3.0-or-later Apache-1.0 Apache-1.1 Apache-2.0 APSL-2.0 Artistic-1.0 Artistic-1.0-Perl Artistic-2.0 Beerware BlueOak-1.0.0
BSD-1-Clause BSD-2-Clause BSD-2-Clause-FreeBSD BSD-2-Clause-NetBSD BSD-2-Clause-Patent BSD-2-Clause-Views BSD-3-Clause
BSD-3-Clause-Attribution BSD-3-Clause-Clear BSD-3-Clause-LBNL BSD-3-Clause-No-Nuclear-License BSD-4-Clause BSD-4-Clause-UC
BSD-Source-Code BSL-1.0 BUSL-1.1 bzip2-1.0.6 CC-BY-1.0 CC-BY-2.0 CC-BY-2.5 CC-BY-3.0 CC-BY-4.0 CC-BY-NC-4.0 CC-BY-NC-ND-4.0
CC-BY-NC-SA-4.0 CC-BY-ND-4.0 CC-BY-SA-2.0 CC-BY-SA-2.5 CC-BY-SA-3.0 CC-BY-SA-4.0 CC0-1.0 CDDL-1.0 CDDL-1.1 CECILL-2.0
CECILL-2.1 CECILL-B CECILL-C CPAL-1.0 CPL-1.0 curl ECL-2.0 EFL-2.0 EPL-1.0 EPL-2.0 EUPL-1.0 EUPL-1.1 EUPL-1.2 FTL GFDL-1.1
GFDL-1.1-only GFDL-1.1-or-later GFDL-1.2 GFDL-1.2-only GFDL-1.2-or-later GFDL-1.3 GFDL-1.3-only GFDL-1.3-or-later GPL-1.0
GPL-1.0-only GPL-1.0-or-later GPL-2.0 GPL-2.0-only GPL-2.0-or-later GPL-2.0-with-classpath-exception GPL-2.0-with-GCC-exception
GPL-3.0 GPL-3.0-only GPL-3.0-or-later GPL-3.0-with-GCC-exception HPND ICU IJG ImageMagick Info-ZIP Intel IPA ISC JSON LGPL-2.0
LGPL-2.0-only LGPL-2.0-or-later LGPL-2.1 LGPL-2.1-only LGPL-2.1-or-later LGPL-3.0 LGPL-3.0-only LGPL-3.0-or-later Libpng
libpng-2.0 LPL-1.02 LPPL-1.3c MirOS MIT MIT-0 MIT-CMU MIT-Modern-Variant MPL-1.0 MPL-1.1 MPL-2.0
MPL-2.0-no-copyleft-exception MS-PL MS-RL MulanPSL-2.0 NCSA Net-SNMP NTP ODbL-1.0 OFL-1.0 OFL-1.1 OLDAP-2.8 OpenSSL OSL-1.0
OSL-2.0 OSL-2.1 OSL-3.0 PHP-3.0 PHP-3.01 PostgreSQL PSF-2.0 Python-2.0 QPL-1.0 RPL-1.5 RPSL-1.0 Ruby SISSL Sleepycat SPL-1.0
SSPL-1.0 Unicode-3.0 Unicode-DFS-2015 Unicode-DFS-2016 Unlicense UPL-1.0 Vim W3C WTFPL wxWindows X11 Xnet Zend-2.0 Zlib
zlib-acknowledgement ZPL-2.0 ZPL-2.1`;
const EXCEPTION_IDS = `389-exception Autoconf-exception-2.0 Autoconf-exception-3.0 Bison-exception-2.2 Bootloader-exception
Classpath-exception-2.0 CLISP-exception-2.0 eCos-exception-2.0 Font-exception-2.0 freertos-exception-2.0 GCC-exception-2.0
GCC-exception-3.1 GPL-3.0-linking-exception GPL-3.0-linking-source-exception GPL-CC-1.0 LGPL-3.0-linking-exception Libtool-exception
Linux-syscall-note LLVM-exception OCaml-LGPL-linking-exception OpenJDK-assembly-exception-1.0 openvpn-openssl-exception
Qt-GPL-exception-1.0 Qt-LGPL-exception-1.1 Qwt-exception-1.0 Swift-exception u-boot-exception-2.0 Universal-FOSS-exception-1.0
WxWindows-exception-3.1`;
// SPDX ids match case-insensitively.
const LICENSES = new Set(LICENSE_IDS.split(/\s+/).map((id) => id.toLowerCase()));
const EXCEPTIONS = new Set(EXCEPTION_IDS.split(/\s+/).map((id) => id.toLowerCase()));
const LICENSE_REF = /^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/;
const TOKEN = /\(|\)|[^\s()]+/g;

/** An SPDX license expression (SPDX spec annex D): ids joined by AND / OR, `id WITH exception`, `id+`, parentheses. */
function isSpdxExpression(value: string): boolean {
  const tokens = value.match(TOKEN) ?? [];
  let at = 0;
  const simple = (): boolean => {
    const token = tokens[at];
    if (token === undefined) return false;
    const id = token.endsWith('+') ? token.slice(0, -1) : token;
    if (!LICENSES.has(id.toLowerCase()) && !LICENSE_REF.test(token)) return false;
    at++;
    if (tokens[at] === 'WITH') {
      if (!EXCEPTIONS.has((tokens[at + 1] ?? '').toLowerCase())) return false;
      at += 2;
    }
    return true;
  };
  const primary = (): boolean => {
    if (tokens[at] !== '(') return simple();
    at++;
    if (!expression() || tokens[at] !== ')') return false;
    at++;
    return true;
  };
  const conjunction = (): boolean => {
    if (!primary()) return false;
    while (tokens[at] === 'AND') {
      at++;
      if (!primary()) return false;
    }
    return true;
  };
  const expression = (): boolean => {
    if (!conjunction()) return false;
    while (tokens[at] === 'OR') {
      at++;
      if (!conjunction()) return false;
    }
    return true;
  };
  return expression() && at === tokens.length;
}

export default defineInstructionRule(
  {
    id: 'DL3054',
    source: 'hadolint',
    severity: 'warning',
    description: 'Label `<label>` is not a valid SPDX license identifier',
    rationale:
      'License scanners and registries read the license label to decide whether an image may be used or shipped. They understand SPDX identifiers and expressions (`Apache-2.0`, `MIT OR Apache-2.0`); free text such as "Apache 2" or "BSD" is ambiguous and gets flagged or ignored.',
    examples: {
      settings: { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' } },
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="Apache 2"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="Apache-2.0"\n',
    },
    docs: hadolintDocs('DL3054'),
    fixable: false,
  },
  'LABEL',
  (instruction, ctx) => {
    for (const { kv, value } of typedLabels(instruction, ctx, 'spdx')) {
      // Deliberately wider than hadolint, which accepts a single id only: expressions are valid SPDX too.
      if (isSpdxExpression(value)) continue;
      ctx.report({
        range: kv.valueRange ?? kv.range,
        message: `Label \`${kv.key}\` is not a valid SPDX license identifier: \`${value}\` (use an id such as \`Apache-2.0\` or an expression such as \`MIT OR Apache-2.0\`)`,
      });
    }
  },
);
