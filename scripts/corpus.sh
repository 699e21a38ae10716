#!/usr/bin/env bash
# Assembles the benchmark's six-repository corpus: the .ts/.tsx files of prisma/prisma,
# microsoft/playwright, typeorm/typeorm, vuejs/core, excalidraw/excalidraw and TanStack/query at
# pinned commits (11,429 files, 73.6 MB), one folder per repository, and puts the benchmark config
# next to them. Nothing is committed: the corpus lives outside the checkout.
#
#   scripts/corpus.sh [DEST]            DEST defaults to /tmp/corpus6
#
# Sources, first found wins: $MIRRORS/<owner>+<name>/repo (bare git dirs, e.g. mirrors under
# /work/.mirror), else a shallow fetch of the pinned commit
# from ${GIT_BASE:-https://github.com}/<owner>/<name>.git into $CLONES (default /tmp/corpus6-git).
set -euo pipefail

DEST=${1:-/tmp/corpus6}
MIRRORS=${MIRRORS:-/work/.mirror}
CLONES=${CLONES:-/tmp/corpus6-git}
GIT_BASE=${GIT_BASE:-https://github.com}
HERE=$(cd "$(dirname "$0")" && pwd)

# owner/name  folder  commit (the snapshot measured in the README)
REPOS="
prisma/prisma               prisma      9b75b95503c2f8fdfc75319e5b158912e11aae81
microsoft/playwright        playwright  d4e1023f6c03a8dced50eb3db88c2217e7c1a86a
typeorm/typeorm             typeorm     281bfba42a5813b106bcf5ba79bc7f7251bd1e73
vuejs/core                  vue         e2bede96134f757aad5c5b33ac9be055022dbfc8
excalidraw/excalidraw       excalidraw  4872083c044491b6d5c96ae134a75464f96d6831
TanStack/query              query       40321a0b1b3bdd0afa11f0e439642ab84cdf6afe
"

rm -rf "$DEST"
mkdir -p "$DEST"
echo "$REPOS" | while read -r repo folder commit; do
  [ -n "$repo" ] || continue
  mirror="$MIRRORS/${repo/\//+}/repo"
  if git --git-dir="$mirror" cat-file -e "$commit^{commit}" 2>/dev/null; then
    gitdir="$mirror"
  else
    gitdir="$CLONES/$folder.git"
    if ! git --git-dir="$gitdir" cat-file -e "$commit^{commit}" 2>/dev/null; then
      rm -rf "$gitdir"
      git init -q --bare "$gitdir"
      git --git-dir="$gitdir" fetch -q --depth 1 "$GIT_BASE/$repo.git" "$commit"
    fi
  fi
  mkdir -p "$DEST/$folder"
  # Only the TypeScript sources: large binaries of a partial mirror are never read.
  git --git-dir="$gitdir" archive --format=tar "$commit" -- ':(glob)**/*.ts' ':(glob)**/*.tsx' | tar -x -C "$DEST/$folder"
  echo "$repo@${commit:0:10}: $(find "$DEST/$folder" -type f | wc -l) files"
done

cp "$HERE/bench/corpus.config.json" "$DEST/ssot.config.json"
echo "$DEST: $(find "$DEST" -name '*.ts' -o -name '*.tsx' | wc -l) files, $(find "$DEST" \( -name '*.ts' -o -name '*.tsx' \) -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f MB", s / 1e6 }')"
echo "$DEST: $(grep -rlF '@excalidraw/common' "$DEST" --include='*.ts' --include='*.tsx' | wc -l) files mention @excalidraw/common"
