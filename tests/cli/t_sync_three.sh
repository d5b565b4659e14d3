# ntm sync (issue 13), the issue's acceptance test: three copies of the
# commune's file (the office, $NTM_DB, and laptops A and B, made with cp)
# diverge, exchange their .ntmsync files in more than one order, settle
# their conflicts on one copy and end identical, nothing waiting anywhere.
# Then: applying a file twice changes nothing; a damaged, newer, foreign
# or wrong file is refused, in Vietnamese, with nothing changed.

# ---- three copies -------------------------------------------------------------

OFFICE_WHO="Nguyễn Văn An"
A_WHO="Trần Thị Bình"
B_WHO="Lê Văn Cường"
TITLE_O="Lập quy hoạch chi tiết (văn phòng)"
TITLE_A="Lập quy hoạch chi tiết (thôn, máy A)"

replica_of() {
	q "SELECT value FROM meta WHERE key = 'replica_id'" "$1"
}

# re_of TEXT: TEXT as an extended regexp that matches it literally.
re_of() {
	printf '%s' "$1" | sed 's/[][().*+?^$|\\{}]/\\&/g'
}

# on COPY ARGS…: ntm on the office (o), laptop A (a) or laptop B (b), as
# that copy's person.
on() {
	local db who
	case $1 in
	o) db=$NTM_DB; who=$OFFICE_WHO ;;
	a) db=a.db; who=$A_WHO ;;
	b) db=b.db; who=$B_WHO ;;
	esac
	shift
	NTM_USER=$who ntm --db "$db" "$@"
}

db_of() {
	case $1 in o) echo "$NTM_DB" ;; a) echo a.db ;; b) echo b.db ;; esac
}

# The office's file, copied with cp to two laptops; each takes its own
# replica id at its first write (here `ntm sync status`).
three_copies() {
	fresh_db
	expect_ok ntm status
	cp "$NTM_DB" a.db
	cp "$NTM_DB" b.db
	expect_ok on a sync status
	expect_ok on b sync status
	local o a b
	o=$(replica_of "$NTM_DB")
	a=$(replica_of a.db)
	b=$(replica_of b.db)
	if [ -z "$o" ] || [ -z "$a" ] || [ -z "$b" ] || [ "$o" = "$a" ] ||
	   [ "$o" = "$b" ] || [ "$a" = "$b" ]; then
		fail "three copies, three ids: office $o, A $a, B $b"
	fi
}

# Every kind of change the issue names, on the three copies apart.
diverge() {
	# values recorded on each
	expect_ok on o set 12.2 86
	expect_ok on a set 17.1 90
	expect_ok on b set 2.1 50
	# the same item ticked on two sides, on different dates
	expect_ok on a checklist "Cự Đình" --done 1 --date 2026-03-05
	expect_ok on b checklist "Cự Đình" --done 1 --date 2026-03-02
	# the same task edited on two sides
	expect_ok on o task edit 3 --title "$TITLE_O"
	expect_ok on a task edit 3 --title "$TITLE_A"
	# an item removed on one side, ticked on the other
	expect_ok on a checklist "Thục Cầu" --remove "Rãnh thoát nước"
	expect_ok on o checklist "Thục Cầu" --done "Rãnh thoát nước"
	# items and tasks added on both sides: both give the task #71
	expect_ok on a checklist "Cự Đình" --add "Mục mới của máy A"
	expect_ok on b checklist "Cự Đình" --add "Mục mới của máy B"
	expect_ok on a task add --sector giao_thong "Nhiệm vụ mới của máy A"
	expect_stdout_has "#71"
	expect_ok on b task add --sector giao_thong "Nhiệm vụ mới của máy B"
	expect_stdout_has "#71"
	# a village renamed on one side
	expect_ok on b village rename "Thục Cầu" "Thục Cầu Mới"
}

# pass FROM TO FILE: FROM exports its changes to FILE, TO applies it.
pass() {
	expect_ok on "$1" sync export --out "$3"
	expect_ok on "$2" sync apply "$3"
}

# ---- what people see of a copy ---------------------------------------------

# view_cmd COPY ARGS…: `ntm ARGS…` on COPY, headed by the command.
view_cmd() {
	local c=$1
	shift
	run on "$c" "$@"
	[ "$RC" = 0 ] || fail "\`ntm $*\` on $c: exit $RC $(_ctx)"
	echo "== $*"
	cat "$OUT"
}

# views [COPY…]: what people see of each copy (status, the checklist
# matrix, two villages' checklists, the tasks, the villages), kept in
# view.COPY; all three copies by default.
views() {
	local c
	[ $# -gt 0 ] || set -- o a b
	for c in "$@"; do
		{
			view_cmd "$c" status
			view_cmd "$c" checklist --matrix
			view_cmd "$c" checklist "Cự Đình"
			view_cmd "$c" checklist "Thục Cầu Mới"
			view_cmd "$c" task list
			view_cmd "$c" village list
		} >"view.$c"
	done
}

# log_of COPY: the whole log, sorted (copies apply the same actions in
# different orders, so the order of the lines differs legitimately), with
# the "[từ bản sao …]" mark of received actions taken away (the copy that
# made an action has none) and without the settlements of conflicts (the
# settling copy's line also counts its local bookkeeping, the conflict
# row; expect_settled_logged looks at those lines).
log_of() {
	run on "$1" log --limit 100000
	[ "$RC" = 0 ] || fail "\`ntm log\` on $1: exit $RC $(_ctx)"
	sed -E 's/ \[từ bản sao [0-9a-f]+\]//; /  giải quyết xung đột  /d' "$OUT" | sort
}

# expect_settled_logged N: every copy's log shows the N settlements, as
# people read them: what was settled, never the conflict row's inner
# fields (its id, "state: waiting → resolved").
expect_settled_logged() {
	local c
	for c in o a b; do
		expect_ok on "$c" log --limit 100000
		expect_eq "settlements in $c's log" "$(grep -c "  giải quyết xung đột  " "$OUT")" "$1"
		expect_stdout_not_has "state: waiting"
		expect_stdout_not_has "resolved_by"
		! grep -Eq "giải quyết xung đột  [0-9a-f]{32}" "$OUT" ||
			fail "$c's log names a settlement by the conflict row's id"
	done
}

# rows_of COPY: the shared rows themselves, in an order of their own.
rows_of() {
	local db
	db=$(db_of "$1")
	q "SELECT id, number, title, status, progress, responsible FROM task ORDER BY id;
	   SELECT id, unit_id, title, done, done_on, note, ord FROM checklist_item ORDER BY id;
	   SELECT id, name FROM unit ORDER BY id;
	   SELECT i.code, m.value, m.as_of FROM measurement m
	     JOIN indicator i ON i.id = m.indicator_id ORDER BY 1, 2, 3;" "$db"
}

# expect_same WHAT C1 C2 [VIEWS]: C1 and C2 show the same views (views
# must have run), the same rows and (with a 4th argument) the same log.
expect_same() {
	cmp -s "view.$2" "view.$3" ||
		fail "$1: $2 and $3 show different views: $(diff "view.$2" "view.$3" | head -c 700)"
	[ "$(rows_of "$2")" = "$(rows_of "$3")" ] ||
		fail "$1: $2 and $3 hold different rows: $(diff <(rows_of "$2") <(rows_of "$3") | head -c 700)"
	if [ $# -ge 4 ]; then
		[ "$(log_of "$2")" = "$(log_of "$3")" ] ||
			fail "$1: $2 and $3 have different logs (sorted): $(diff <(log_of "$2") <(log_of "$3") | head -c 700)"
	fi
}

# expect_all_same WHAT: the three copies are identical in every output.
expect_all_same() {
	views
	expect_same "$1" o a log
	expect_same "$1" o b log
}

# What every copy must hold once it has heard from all: every value, the
# earliest tick, the items and tasks of both sides with unique numbers
# that are the same everywhere, the village's new name.
expect_merged() {
	local c db
	for c in o a b; do
		db=$(db_of "$c")
		expect_db "SELECT count(*) FROM measurement m JOIN indicator i ON i.id = m.indicator_id
			   WHERE (i.code, m.value) IN (VALUES ('12.2', 86), ('17.1', 90), ('2.1', 50))" 3 "$db"
		expect_db "SELECT done, done_on FROM checklist_item c JOIN unit u ON u.id = c.unit_id
			   WHERE u.name = 'Cự Đình' AND c.title = 'Đường giao thông trong thôn'" \
			"1|2026-03-02" "$db"
		expect_db "SELECT count(*) FROM checklist_item WHERE title LIKE 'Mục mới của máy _'" 2 "$db"
		expect_db "SELECT group_concat(number, ' ') FROM (SELECT number FROM task
			   WHERE title LIKE 'Nhiệm vụ mới của máy _' ORDER BY number)" "71 72" "$db"
		expect_db "SELECT count(*) FROM task GROUP BY plan_id, number HAVING count(*) > 1" "" "$db"
		expect_db "SELECT count(*) FROM unit WHERE name = 'Thục Cầu Mới'" 1 "$db"
		expect_ok on "$c" checklist "Cự Đình"
		expect_stdout_line "1. [x] Đường giao thông trong thôn"
		expect_stdout_line "11. [ ] Mục mới của máy A"
		expect_stdout_line "12. [ ] Mục mới của máy B"
		expect_ok on "$c" task list
		expect_stdout_match "^#7[12] .*Nhiệm vụ mới của máy A$"
		expect_stdout_match "^#7[12] .*Nhiệm vụ mới của máy B$"
	done
}

# expect_waiting COPY N: N conflicts wait on COPY (listed, text and JSON).
expect_waiting() {
	expect_ok on "$1" sync conflicts --format json
	expect_json 'len(d)' "$2"
	if [ "$2" = 0 ]; then
		expect_ok on "$1" sync conflicts
		expect_stdout_is "Không có xung đột nào đang chờ."
	else
		expect_json 'sorted(c["entity"] for c in d)' '["checklist_item", "task"]'
		expect_ok on "$1" sync conflicts
		expect_stdout_first "Xung đột đang chờ ($2):"
		expect_stdout_match "^[0-9]+\. nhiệm vụ “.*” — sửa ở cả hai bên$"
		expect_stdout_match "^[0-9]+\. mục “Rãnh thoát nước” ở [^—]+ — một bên xóa, một bên sửa$"
	fi
}

# number_of COPY ENTITY: the number of the conflict waiting on ENTITY.
number_of() {
	run on "$1" sync conflicts --format json
	jv '[c["number"] for c in d if c["entity"] == "'"$2"'"][0]'
}

# title3 COPY: task #3's title on COPY.
title3() {
	q "SELECT title FROM task WHERE number = 3" "$(db_of "$1")"
}

# item_state COPY: the state of the item removed on one side, ticked on the
# other: "gone" or its done flag.
item_state() {
	q "SELECT coalesce((SELECT done FROM checklist_item c JOIN unit u ON u.id = c.unit_id
	   WHERE u.name = 'Thục Cầu Mới' AND c.title = 'Rãnh thoát nước'), 'gone')" "$(db_of "$1")"
}

# ---- the exchanges -----------------------------------------------------------

# A → office, office → B, B → office, office → A, twice; settled on the
# office (the task: theirs, the item: ours); two rounds more.
case_three_copies_office_settles() {
	three_copies
	diverge
	local round
	for round in 1 2; do
		pass a o "a$round.ntmsync"
		pass o b "o$round-b.ntmsync"
		pass b o "b$round.ntmsync"
		pass o a "o$round-a.ntmsync"
	done
	expect_merged
	# the conflicts wait on every copy that received both sides: each
	# keeps its own value meanwhile
	expect_waiting o 2
	expect_waiting a 2
	expect_waiting b 2
	expect_eq "task #3 on the office while waiting" "$(title3 o)" "$TITLE_O"
	expect_eq "task #3 on A while waiting" "$(title3 a)" "$TITLE_A"
	expect_eq "the item on A while waiting" "$(item_state a)" gone
	expect_eq "the item on the office while waiting" "$(item_state o)" 1
	# B got the office's side first: the same as the office, apart from
	# the conflicts' lists
	views
	expect_same "before settling" o b

	local n
	n=$(number_of o task)
	expect_ok on o sync resolve "$n" --take theirs
	expect_stdout_has "lấy bên kia"
	n=$(number_of o checklist_item)
	expect_ok on o sync resolve "$n" --take ours
	expect_stdout_has "giữ bên này"
	expect_waiting o 0
	for round in 1 2; do
		pass o a "r$round-a.ntmsync"
		pass o b "r$round-b.ntmsync"
		pass a o "r$round-ao.ntmsync"
		pass b o "r$round-bo.ntmsync"
	done
	local c
	for c in o a b; do
		expect_waiting "$c" 0
		expect_eq "task #3 on $c" "$(title3 "$c")" "$TITLE_A"
		expect_eq "the item on $c" "$(item_state "$c")" 1
		expect_ok on "$c" checklist "Thục Cầu Mới"
		expect_stdout_line "2. [x] Rãnh thoát nước"
		expect_ok on "$c" task list
		expect_stdout_match "^#3 .*$(re_of "$TITLE_A")$"
	done
	expect_merged
	expect_all_same "after settling on the office"
	expect_settled_logged 2
	expect_ok on b log --limit 100000
	expect_stdout_match "giải quyết xung đột +$(re_of "$TITLE_A")"
}

# Another order: B first; A's changes reach B only through the office's
# file (and A's own file, given to B afterwards, brings nothing more);
# settled on laptop A (the task: theirs, the item: ours, i.e. deleted).
case_three_copies_laptop_settles() {
	three_copies
	diverge
	pass b o b1.ntmsync
	pass o a o1.ntmsync
	pass a o a1.ntmsync
	pass o b o2.ntmsync
	expect_stdout_has "thay đổi mới"
	local audit
	audit=$(q "SELECT count(*) FROM audit" b.db)
	expect_ok on b sync apply a1.ntmsync
	expect_stdout_has "không có gì mới"
	expect_eq "B's audit rows after A's own file" "$(q "SELECT count(*) FROM audit" b.db)" "$audit"
	pass b o b2.ntmsync
	pass o a o3.ntmsync
	expect_merged
	expect_waiting a 2
	expect_waiting o 2
	expect_waiting b 2

	local n
	n=$(number_of a task)
	expect_ok on a sync resolve "$n" --take theirs
	n=$(number_of a checklist_item)
	expect_ok on a sync resolve "$n" --take ours
	expect_waiting a 0
	expect_eq "task #3 on A after theirs" "$(title3 a)" "$TITLE_O"
	expect_eq "the item on A after ours" "$(item_state a)" gone
	local round
	for round in 1 2; do
		pass a o "r$round-ao.ntmsync"
		pass o b "r$round-ob.ntmsync"
		pass b o "r$round-bo.ntmsync"
		pass o a "r$round-oa.ntmsync"
	done
	local c
	for c in o a b; do
		expect_waiting "$c" 0
		expect_eq "task #3 on $c" "$(title3 "$c")" "$TITLE_O"
		expect_eq "the item on $c" "$(item_state "$c")" gone
		expect_ok on "$c" checklist "Thục Cầu Mới"
		expect_stdout_first "Thục Cầu Mới: 0/9"
		expect_stdout_not_has "Rãnh thoát nước"
	done
	expect_merged
	expect_all_same "after settling on laptop A"
	expect_settled_logged 2
}

# ---- applying twice, or late -------------------------------------------------

# counts COPY: the rows a file could add.
counts() {
	q "SELECT (SELECT count(*) FROM audit), (SELECT count(*) FROM sync_change),
		  (SELECT count(*) FROM task), (SELECT count(*) FROM checklist_item),
		  (SELECT count(*) FROM measurement), (SELECT count(*) FROM sync_conflict),
		  (SELECT group_concat(origin || ':' || seen) FROM
		     (SELECT * FROM sync_origin ORDER BY origin))" "$(db_of "$1")"
}

case_three_apply_twice() {
	three_copies
	diverge
	pass a o a1.ntmsync
	pass b o b1.ntmsync
	local before view
	before=$(counts o)
	views o
	view=$(cat view.o)
	# the same files again, and in the other order
	expect_ok on o sync apply a1.ntmsync
	expect_stdout_has "không có gì mới"
	expect_ok on o sync apply b1.ntmsync a1.ntmsync
	expect_eq "the office's rows after applying twice" "$(counts o)" "$before"
	views o
	expect_eq "the office's views after applying twice" "$(cat view.o)" "$view"
	# a file the office made, brought back to it, brings nothing either
	expect_ok on o sync export --out o1.ntmsync
	expect_ok on o sync apply o1.ntmsync
	expect_eq "the office's rows after its own file" "$(counts o)" "$before"
	# B applies the office's file twice: the second time nothing
	expect_ok on b sync apply o1.ntmsync
	before=$(counts b)
	expect_ok on b sync apply o1.ntmsync
	expect_stdout_has "không có gì mới"
	expect_eq "B's rows after applying twice" "$(counts b)" "$before"
	expect_ok on b sync apply --dry-run o1.ntmsync
	expect_eq "B's rows after a dry run" "$(counts b)" "$before"
}

# ---- refusals ----------------------------------------------------------------

# refused FILE WORDS…: applying FILE on the office fails, one line on
# stderr naming the file and saying WORDS, and the office is unchanged
# (its bytes, its rows).
refused() {
	local file=$1 sum rows w
	shift
	sum=$(sum_of "$NTM_DB")
	rows=$(counts o)
	expect_exit 1 on o sync apply "$file"
	expect_stderr_has "$file"
	for w in "$@"; do
		expect_stderr_has "$w"
	done
	expect_eq "the office's file after $file" "$(sum_of "$NTM_DB")" "$sum"
	expect_eq "the office's rows after $file" "$(counts o)" "$rows"
}

# with_header FILE OUT SED: FILE with its header edited by SED and its
# checksum made right again (so the reader goes past it).
with_header() {
	/usr/bin/python3 - "$1" "$2" "$3" <<'EOF'
import hashlib, re, sys
data = open(sys.argv[1], "rb").read()
body = data[:data.rindex(b"sha256 ")]
head, sep, rest = body.partition(b"\n\n")
old, new = sys.argv[3].split("|")
head = head.replace(old.encode(), new.encode(), 1)
body = head + sep + rest
sha = hashlib.sha256(body).hexdigest().encode()
open(sys.argv[2], "wb").write(body + b"sha256 " + sha + b"\n")
EOF
}

case_three_refusals() {
	three_copies
	expect_ok on a task edit 5 --progress 40
	expect_ok on a set 17.1 90
	expect_ok on a sync export --out good.ntmsync
	# truncated: the end cut off, or most of it
	head -c -10 good.ntmsync >cut.ntmsync
	refused cut.ntmsync "bị cắt cụt" "chép lại"
	head -c 200 good.ntmsync >short.ntmsync
	refused short.ntmsync "bị cắt cụt"
	# one byte changed in the middle
	/usr/bin/python3 -c 'import sys
b = bytearray(open(sys.argv[1], "rb").read()); b[len(b) // 2] ^= 0x01
open(sys.argv[2], "wb").write(b)' good.ntmsync flipped.ntmsync
	cmp -s good.ntmsync flipped.ntmsync && fail "the byte was not changed"
	refused flipped.ntmsync "tổng kiểm SHA-256 không khớp"
	# a newer format: refused before the checksum is looked at
	sed '1s/^NTMSYNC 1$/NTMSYNC 3/' good.ntmsync >v3.ntmsync
	refused v3.ntmsync "định dạng 3" "hãy cập nhật ntm"
	with_header good.ntmsync v3ok.ntmsync "NTMSYNC 1|NTMSYNC 3"
	refused v3ok.ntmsync "định dạng 3" "hãy cập nhật ntm"
	# a newer schema (the checksum right)
	local cur
	cur=$(q "PRAGMA user_version")
	with_header good.ntmsync newer.ntmsync "schema $cur|schema $((cur + 1))"
	refused newer.ntmsync "lược đồ $((cur + 1))" "hãy cập nhật ntm"
	# another commune's file
	expect_ok ntm init --empty --commune "Xã Khác" --db other.db
	expect_ok ntm --db other.db sync export --out other.ntmsync
	refused other.ntmsync "Xã Khác" "Việt Hưng" "không áp dụng gì"
	# files that are not sync files at all
	cp "$NTM_DB" copy.db
	refused copy.db "không phải tệp đồng bộ"
	printf 'Kế hoạch năm 2026\nkhông phải tệp đồng bộ\n' >notes.txt
	refused notes.txt "không phải tệp đồng bộ"
	: >empty.ntmsync
	refused empty.ntmsync
	# the good file still applies: the refusals were the files' fault
	expect_ok on o sync apply good.ntmsync
	expect_stdout_has "2 thay đổi mới"
	expect_db "SELECT progress FROM task WHERE number = 5" 40
}
