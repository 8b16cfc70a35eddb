// "New Lab Pack…": the files of a pack with one lab and one step, valid as written, for an
// instructor to start from. The editor writes them; the loader accepts them (a test says so).

/** Relative path → text. */
export function scaffoldPack(id: string): Record<string, string> {
  const prefix = `${id}-`;
  return {
    'shipshape-pack.yaml': `# A Shipshape lab pack: see docs/packs.md for every key and check kind.
schemaVersion: 1
id: ${id}
title: ${id}
version: 0.1.0
description: What this pack teaches.
requires: { os: linux }
resources:
  prefixes: [${prefix}]          # cleanup and reset remove only what carries this prefix or the pack's label
labs:
  - id: first
    title: A first lab
    intro: labs/first/intro.md
    recap: labs/first/recap.md
    steps:
      - id: run
        title: Run a container
        body: labs/first/run.md
        points: 10
        hints:
          - nudge: Containers are started with docker run.
          - hint: Give it a name with --name and keep it running with a long sleep.
          - solution: docker run -d --name ${prefix}web busybox sleep 3600
        solve:
          - docker run -d --name ${prefix}web --label io.shipshape.pack=${id} busybox sleep 3600
        cleanup:
          - docker rm -f ${prefix}web
        checks:
          - kind: container
            container: ${prefix}web
            state: running
            timeout: 5s
`,
    'labs/first/intro.md': `# A first lab\n\nWhat the student will do in this lab, and why.\n`,
    'labs/first/recap.md': `# What you did\n\nA summary of what the lab showed.\n`,
    'labs/first/run.md': `# Run a container\n\nStart a container named \`${prefix}web\` from \`busybox\` that keeps running:\n\n\`\`\`sh\ndocker run -d --name ${prefix}web busybox sleep 3600\n\`\`\`\n\nThen press **Check**.\n`,
  };
}
