#!/bin/sh
# check-git-merge.sh GLOSS — gloss --merge as git's merge driver, run by a
# real `git merge` of two branches that each changed a project: once
# cleanly, once with a conflict. Also the driver's own exit statuses.
set -eu
# Without git (the Flatpak SDK stand-in has none) there is nothing to
# drive the driver: say so, and let meson count the test as skipped.
if ! command -v git >/dev/null; then
  echo "check-git-merge: no git on PATH: skipping the merge-driver check, which needs a real git merge" >&2
  exit 77
fi
gloss=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

fail() { echo "check-git-merge: $*" >&2; exit 1; }

# Edits a project file in place: python3 SCRIPT FILE, with `p` the project.
edit() {
  python3 - "$1" "$2" <<'PY'
import json, sys
path, code = sys.argv[1], sys.argv[2]
p = json.load(open(path, encoding="utf-8"))
doc = p["documents"][0]
text = doc["text"]
def annotate(id, quote, tag, note=""):
    start = text.index(quote)
    doc["annotations"].append({
        "id": id, "start": start, "end": start + len(quote), "quote": quote,
        "prefix": "", "suffix": "", "tags": [tag], "note": note,
        "attributes": {}, "author": "", "created": None, "modified": None,
        "state": "anchored"})
def find(id):
    return next(a for a in doc["annotations"] if a["id"] == id)
exec(code)
json.dump(p, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
}

git init -q -b main repo
cd repo
git config user.name "Test" && git config user.email "test@example.org"
echo '*.gloss merge=gloss' > .gitattributes
git config merge.gloss.driver "\"$gloss\" --merge %O %A %B"

printf 'The minister 👩🏽‍💻 said the talks in Gene\314\201va had failed.\r\nשלום — 中文 sources disagreed.\r\n' > article.txt
"$gloss" --new=talks.gloss article.txt 2>/dev/null
edit talks.gloss 'annotate("said", "said the talks", "claim")'
# Normalise to what Gloss writes, as a project saved by Gloss would be.
cp talks.gloss norm.gloss && "$gloss" --merge norm.gloss talks.gloss norm.gloss && rm norm.gloss
git add . && git commit -qm base

# --- A clean merge: each branch annotates something else ---
git checkout -qb ana
edit talks.gloss 'annotate("minister", "minister", "source"); find("said")["note"] = "Ana checked"'
git commit -qam "Ana"
git checkout -q main
git checkout -qb ben
edit talks.gloss 'annotate("sources", "中文 sources", "source"); find("said")["tags"].append("evidence")'
git commit -qam "Ben"
git merge -q --no-edit ana || fail "the clean merge failed"
"$gloss" --validate talks.gloss >/dev/null || fail "the merged project does not validate"
python3 - <<'PY' || fail "the clean merge lost something"
import json
p = json.load(open("talks.gloss", encoding="utf-8"))
a = {x["id"]: x for x in p["documents"][0]["annotations"]}
assert set(a) == {"said", "minister", "sources"}, a.keys()
assert a["said"]["note"] == "Ana checked" and a["said"]["tags"] == ["claim", "evidence"]
assert not any("conflict" in x for x in a.values())
PY
# The result is what load → save writes: merging it with itself changes nothing.
cp talks.gloss before.gloss
"$gloss" --merge before.gloss talks.gloss before.gloss || fail "re-merging a clean result"
cmp -s before.gloss talks.gloss || fail "the merged file is not what load → save writes"
rm before.gloss

# --- A conflict: both change the same note ---
git checkout -q main
git checkout -qb cy
edit talks.gloss 'find("said")["note"] = "Cy: misleading"'
git commit -qam "Cy"
git checkout -q main
git checkout -qb dee
edit talks.gloss 'find("said")["note"] = "Dee: accurate"'
git commit -qam "Dee"
if git merge -q --no-edit cy 2>merge.err; then fail "a conflicting merge succeeded"; fi
grep -q "1 conflict" merge.err || fail "git merge did not pass on the conflict count: $(cat merge.err)"
"$gloss" --validate talks.gloss >/dev/null || fail "the project with a conflict does not validate"
python3 - <<'PY' || fail "the conflict was not kept in both versions"
import json
p = json.load(open("talks.gloss", encoding="utf-8"))
a = {x["id"]: x for x in p["documents"][0]["annotations"]}
assert a["said"]["note"] == "Dee: accurate" and a["said"]["conflict"] == {"side": "ours", "with": "said~theirs"}
assert a["said~theirs"]["note"] == "Cy: misleading" and a["said~theirs"]["conflict"] == {"side": "theirs", "with": "said"}
PY
git merge --abort

# --- The driver's exit statuses ---
git show main:talks.gloss > base.gloss
cp base.gloss ours.gloss
echo '{"format": "gloss-project", "version": 1' > broken.gloss
status=0; "$gloss" --merge base.gloss ours.gloss broken.gloss 2>err || status=$?
[ "$status" = 1 ] || fail "an unreadable THEIRS gave exit $status, not 1"
grep -q "broken.gloss" err || fail "the message does not name the unreadable file"
cmp -s base.gloss ours.gloss || fail "OURS was written although THEIRS could not be read"
status=0; "$gloss" --merge base.gloss ours.gloss 2>/dev/null || status=$?
[ "$status" = 2 ] || fail "two files gave exit $status, not 2"
echo "check-git-merge: ok"
