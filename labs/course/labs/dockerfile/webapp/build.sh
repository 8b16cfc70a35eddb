#!/bin/sh
# Builds the site into out/: a stand-in for a real toolchain (a bundler, a compiler).
# Like a real one it leaves a big cache behind in work/, which the running site never needs.
set -eu
mkdir -p work out
# the "toolchain's" intermediate files: 8 MiB the site does not use
dd if=/dev/zero of=work/cache.bin bs=1024 count=8192 2>/dev/null
build="$(wc -c < work/cache.bin | tr -d ' ') bytes of cache, $(date -u +%Y-%m-%d)"
sed "s/@BUILD@/$build/" src/index.html > out/index.html
cp src/style.css out/style.css
