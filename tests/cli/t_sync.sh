# ntm sync (issue 13): copies of the file that exchange their changes by
# .ntmsync files. The usage and refusals; the replica id a copy takes; the
# exchange between copies end to end (export, apply both ways, apply twice,
# a conflict listed, resolved, spread).

# the replica id the file holds
replica_of() {
	q "SELECT value FROM meta WHERE key = 'replica_id'" "$1"
}

case_sync_usage() {
	fresh_db
	expect_ok ntm sync
	expect_stdout_first "Cách dùng: ntm sync export [--out TỆP|THƯ_MỤC] [--all]"
	expect_stdout_has "ntm sync apply TỆP… [--dry-run]"
	expect_stdout_has "ntm sync resolve SỐ --take ours|theirs"
	local usage
	usage=$(cat "$OUT")
	expect_ok ntm sync --help
	expect_eq "ntm sync --help" "$(cat "$OUT")" "$usage"
	expect_ok ntm help sync
	expect_eq "ntm help sync" "$(cat "$OUT")" "$usage"
	expect_ok ntm --help
	expect_stdout_match "^  sync +đồng bộ bản sao ngoại tuyến"
}

case_sync_unknown_subcommand() {
	fresh_db
	expect_exit 2 ntm sync pull
	expect_stderr_has "lệnh sync không có “pull”; dùng: export, apply, conflicts, resolve, status"
	expect_exit 2 ntm sync expotr
	expect_stderr_has "có phải ý bạn là export?"
}

case_sync_options_refused() {
	fresh_db
	local sum
	sum=$(sum_of "$NTM_DB")
	expect_exit 2 ntm sync export --take ours
	expect_stderr_has "lệnh sync export không dùng tùy chọn --take"
	expect_exit 2 ntm sync status --all
	expect_stderr_has "lệnh sync status không dùng tùy chọn --all"
	expect_exit 2 ntm sync conflicts --format csv
	expect_stderr_has "định dạng “csv” không hỗ trợ; dùng: text, json"
	expect_exit 2 ntm sync apply
	expect_stderr_has "ntm sync apply cần một hoặc nhiều TỆP .ntmsync"
	expect_exit 2 ntm sync status extra
	expect_exit 2 ntm sync export --out ""
	expect_stderr_has "--out cần tên tệp hoặc thư mục"
	expect_exit 2 ntm --all log
	expect_eq "database after refusals" "$(sum_of "$NTM_DB")" "$sum"
}

case_sync_resolve_take() {
	fresh_db
	expect_exit 2 ntm sync resolve 1
	expect_stderr_has "ntm sync resolve cần --take ours (giữ bên này) hoặc --take theirs (lấy bên kia)"
	expect_exit 2 ntm sync resolve 1 --take mine
	expect_stderr_has "--take “mine” không có; chọn: ours (bên này) hoặc theirs (bên kia)"
	# the Vietnamese words are taken (with or without marks): what
	# remains is that conflict 1 does not exist, a failure, not a usage
	local w
	for w in ours theirs "bên này" "ben nay" "Bên Kia" "ben kia"; do
		run ntm sync resolve 1 --take "$w"
		[ "$RC" != 2 ] || fail "--take \"$w\" refused as usage: $(cat "$ERR")"
	done
	expect_exit 2 ntm sync resolve --take ours
	expect_stderr_has "ntm sync resolve cần SỐ của xung đột"
}

case_sync_status_replica_id() {
	fresh_db
	expect_ok ntm sync status
	local id
	id=$(replica_of "$NTM_DB")
	expect_eq "replica id length" "${#id}" 32
	expect_stdout_first "Bản sao này: ${id:0:8} ($id)"
	expect_stdout_line "Xung đột đang chờ: không có"
	expect_ok ntm sync status --format json
	expect_json 'd["replica"]' "$id"
	expect_json 'd["short"]' "${id:0:8}"
	expect_json 'd["conflicts"]' 0
}

case_sync_copy_takes_new_id() {
	fresh_db
	expect_ok ntm status
	local a b
	a=$(replica_of "$NTM_DB")
	cp "$NTM_DB" copy.db
	# opening a copy writes nothing (a report, a status leave it as it is)
	expect_ok ntm --db copy.db status
	expect_eq "the copy's id before its first write" "$(replica_of copy.db)" "$a"
	expect_ok ntm --db copy.db sync status
	b=$(replica_of copy.db)
	[ -n "$b" ] && [ "$a" != "$b" ] || fail "the copy kept the id $a (now \"$b\")"
	expect_eq "the original's id" "$(replica_of "$NTM_DB")" "$a"
	expect_stdout_first "Bản sao này: ${b:0:8} ($b)"
	# moved, not copied: the id stays, through a write too
	mv copy.db moved.db
	expect_ok ntm --db moved.db set 12.2 50
	expect_eq "a moved file's id" "$(replica_of moved.db)" "$b"
	# the first edit of a copy gives it its id as well
	cp moved.db again.db
	expect_ok ntm --db again.db set 12.2 51
	local c
	c=$(replica_of again.db)
	[ "$c" != "$b" ] && [ -n "$c" ] || fail "an edited copy kept the id $b"
}

case_sync_no_conflicts() {
	fresh_db
	expect_ok ntm sync conflicts
	expect_stdout_is "Không có xung đột nào đang chờ."
	expect_ok ntm sync conflicts --format json
	expect_stdout_is "[]"
}

case_sync_apply_refuses_other_file() {
	fresh_db
	local sum
	printf 'Mã,Giá trị\n12.2,86\n' >values.csv
	printf 'NTMSYNC 1\nschema 7\n' >cut.ntmsync
	expect_ok ntm status   # a copy of the template: it takes its id first
	sum=$(sum_of "$NTM_DB")
	expect_exit 1 ntm sync apply values.csv
	expect_stderr_has "values.csv"
	expect_exit 1 ntm sync apply missing.ntmsync
	expect_stderr_has "missing.ntmsync"
	# stops at the first refused file and names those never tried
	expect_exit 1 ntm sync apply cut.ntmsync values.csv
	expect_stderr_has "cut.ntmsync"
	expect_stderr_has "chưa nhận (sau tệp bị từ chối): values.csv"
	expect_eq "database after refused files" "$(sum_of "$NTM_DB")" "$sum"
}

# ---- end to end: two copies exchange their changes --------------------------

# The office file ($NTM_DB) and a laptop's copy (laptop.db), each opened
# once so each has its own replica id.
two_copies() {
	fresh_db
	expect_ok ntm status
	cp "$NTM_DB" laptop.db
	expect_ok ntm --db laptop.db sync status
}

# The store's sync engine is in: until it lands (a placeholder answers
# "chưa làm") the end-to-end cases have nothing to run against.
engine_in() {
	fresh_db probe.db
	run ntm --db probe.db sync export --out probe.ntmsync
	rm -f probe.db probe.ntmsync
	! grep -Fq "chưa làm" "$ERR"
}

# what people see of a copy: status, a checklist, the tasks
view_of() {
	ntm --db "$1" status && ntm --db "$1" checklist "Cự Đình" &&
		ntm --db "$1" task list
}

expect_same_views() {
	local a b
	a=$(view_of "$NTM_DB" 2>&1)
	b=$(view_of laptop.db 2>&1)
	[ "$a" = "$b" ] || fail "$1: the copies differ: $(diff <(echo "$a") <(echo "$b") | head -c 600)"
}

# export FROM_DB FILE, then apply FILE on TO_DB
exchange() {
	expect_ok ntm --db "$1" sync export --out "$3"
	expect_ok ntm --db "$2" sync apply "$3"
}

case_sync_exchange_both_ways() {
	engine_in || { fail "the sync engine is missing"; return 1; }
	two_copies
	expect_ok ntm set 12.2 86
	expect_ok ntm task edit 2 --progress 30
	expect_ok ntm --db laptop.db checklist "Cự Đình" --done 1
	expect_ok ntm --db laptop.db task edit 5 --progress 50
	expect_ok ntm --db laptop.db sync export --out laptop.ntmsync
	expect_stdout_match "^Đã ghi 2 thay đổi vào laptop\.ntmsync"
	expect_ok ntm sync apply laptop.ntmsync
	expect_stdout_has "laptop.ntmsync: 2 thay đổi mới, 0 đã có từ trước"
	expect_stdout_line "Không có xung đột nào đang chờ."
	exchange "$NTM_DB" laptop.db office.ntmsync
	expect_stdout_has "office.ntmsync: 2 thay đổi mới"
	expect_same_views "after one exchange"
	expect_db "SELECT progress FROM task WHERE number = 5" 50
	expect_db "SELECT progress FROM task WHERE number = 2" 30 laptop.db

	# applying the same file again changes nothing
	local audit views
	audit=$(q "SELECT count(*) FROM audit")
	views=$(view_of "$NTM_DB" 2>&1)
	expect_ok ntm sync apply laptop.ntmsync
	expect_stdout_has "laptop.ntmsync: không có gì mới (2 thay đổi đã có từ trước"
	expect_eq "audit rows after applying twice" "$(q "SELECT count(*) FROM audit")" "$audit"
	expect_eq "views after applying twice" "$(view_of "$NTM_DB" 2>&1)" "$views"
}

case_sync_export_nothing_new() {
	engine_in || { fail "the sync engine is missing"; return 1; }
	two_copies
	# nothing new: a file is written all the same (it carries the vector)
	expect_ok ntm --db laptop.db sync export --out none.ntmsync
	expect_stdout_first "Không có thay đổi mới; vẫn ghi none.ntmsync"
	expect_stdout_nth 2 "(bên kia cần nó để biết bản sao này đã có những gì)."
	expect_stdout_line "Mang tệp sang bản sao kia và chạy: ntm sync apply none.ntmsync"
	[ -s none.ntmsync ] || fail "no file written when nothing is new"
	expect_ok ntm sync apply none.ntmsync
	expect_stdout_first "none.ntmsync: không có gì mới (0 thay đổi đã có từ trước; từ bản sao $(replica_of laptop.db | cut -c1-8))."
}

case_sync_export_default_name() {
	engine_in || { fail "the sync engine is missing"; return 1; }
	two_copies
	mkdir out
	local id
	id=$(replica_of laptop.db)
	expect_ok ntm --db laptop.db sync export --out out
	local want="out/viet-hung-${id:0:8}-$(today).ntmsync"
	[ -s "$want" ] || fail "no $want; out/ has: $(ls out)"
	expect_stdout_has "$want"
	expect_ok ntm --db laptop.db sync export
	[ -s "viet-hung-${id:0:8}-$(today).ntmsync" ] || fail "no default file here"
}

case_sync_dry_run_writes_nothing() {
	engine_in || { fail "the sync engine is missing"; return 1; }
	two_copies
	expect_ok ntm --db laptop.db task edit 5 --progress 50
	expect_ok ntm --db laptop.db sync export --out l.ntmsync
	local audit
	audit=$(q "SELECT count(*) FROM audit")
	expect_ok ntm sync apply --dry-run l.ntmsync
	expect_stdout_has "l.ntmsync (thử, không ghi gì): 1 thay đổi mới"
	expect_db "SELECT progress FROM task WHERE number = 5" 0
	expect_eq "audit rows after --dry-run" "$(q "SELECT count(*) FROM audit")" "$audit"
}

# conflict_file FILE: two copies that both set task #3's progress (40
# here, 60 on the laptop); the laptop's changes exported to FILE.
conflict_file() {
	two_copies
	expect_ok ntm task edit 3 --progress 40
	expect_ok ntm --db laptop.db task edit 3 --progress 60
	expect_ok ntm --db laptop.db sync export --out "$1"
}

case_sync_conflict_listed_resolved_spread() {
	engine_in || { fail "the sync engine is missing"; return 1; }
	conflict_file l1.ntmsync
	expect_ok ntm sync apply l1.ntmsync
	expect_stdout_line "  1 xung đột mới (bên này giữ giá trị của mình)."
	expect_stdout_has "Có 1 xung đột đang chờ: xem ntm sync conflicts"
	expect_db "SELECT progress FROM task WHERE number = 3" 40

	expect_ok ntm sync conflicts
	expect_stdout_first "Xung đột đang chờ (1):"
	expect_stdout_match "^1\. nhiệm vụ “.*” — sửa ở cả hai bên$"
	expect_stdout_match "^   bên này: .*40%"
	expect_stdout_match "^   bên kia: .*60%.*bản sao $(replica_of laptop.db | cut -c1-8)"
	expect_stdout_match "[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}"
	expect_ok ntm sync conflicts --format json
	/usr/bin/python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$OUT" ||
		fail "sync conflicts --format json is no JSON"
	expect_json 'len(d)' 1
	expect_json 'd[0]["number"]' 1
	expect_json 'd[0]["entity"]' task
	expect_json 'd[0]["kind"]' edit
	expect_json '"40" in d[0]["ours"] and "60" in d[0]["theirs"]' true
	expect_json 'all(k in d[0] for k in ("id","title","ours_who","ours_at","theirs_who","theirs_at"))' true

	expect_ok ntm sync resolve 1 --take "bên kia"
	expect_stdout_first "Đã giải quyết xung đột 1: lấy bên kia."
	# the row and the value kept (wrapped at 80 columns: read as one text)
	tr '\n' ' ' <"$OUT" | tr -s ' ' | grep -Eq "^[^ ]* .* nhiệm vụ “.*”: .*60%" ||
		fail "sync resolve said: $(head -c 300 "$OUT")"
	expect_db "SELECT progress FROM task WHERE number = 3" 60
	expect_ok ntm sync conflicts
	expect_stdout_is "Không có xung đột nào đang chờ."

	# the settlement travels: both sides end equal, nothing waits
	exchange "$NTM_DB" laptop.db o1.ntmsync
	exchange laptop.db "$NTM_DB" l2.ntmsync
	exchange "$NTM_DB" laptop.db o2.ntmsync
	expect_same_views "after the settlement spread"
	expect_db "SELECT progress FROM task WHERE number = 3" 60 laptop.db
	local db
	for db in "$NTM_DB" laptop.db; do
		expect_ok ntm --db "$db" sync conflicts --format json
		expect_stdout_is "[]"
		expect_ok ntm --db "$db" sync status --format json
		expect_json 'd["conflicts"]' 0
	done
}

case_sync_status_after_exchange() {
	engine_in || { fail "the sync engine is missing"; return 1; }
	two_copies
	expect_ok ntm --db laptop.db task edit 5 --progress 50
	expect_ok ntm --db laptop.db sync status --format json
	expect_json 'd["unexported"]' 1
	exchange laptop.db "$NTM_DB" l.ntmsync
	expect_ok ntm --db laptop.db sync status --format json
	expect_json 'd["unexported"]' 0
	expect_json 'd["last_export"] is not None' true
	expect_ok ntm sync status
	expect_stdout_match "^  $(replica_of laptop.db | cut -c1-8)  đã có đến thay đổi 1, .*nhận tệp lần cuối $(today_dmy)$"
	expect_stdout_match "^  $(replica_of "$NTM_DB" | cut -c1-8)  .*\(bản sao này\)$"
}

case_sync_names_sanitised() {
	fresh_db
	local bad=$'x\e[31mred\a.ntmsync'
	printf 'not a sync file\n' >"$bad"
	expect_exit 1 ntm sync apply "$bad" other.ntmsync
	! grep -q $'\e' "$ERR" || fail "an escape sequence reached the terminal"
	! grep -q $'\a' "$ERR" || fail "a bell reached the terminal"
	expect_stderr_has "red"
	expect_exit 2 ntm sync resolve 1 --take $'ours\e[2J'
	! grep -q $'\e' "$ERR" || fail "--take's escape sequence reached the terminal"
}

# ---- what officials see fits an 80-column terminal ---------------------------

# expect_fits WHAT: no line of $OUT is wider than 80 display columns.
expect_fits() {
	local wide
	wide=$(/usr/bin/python3 -c '
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if width(line) > 80:
        print(width(line), line[:60])
' "$OUT")
	[ -z "$wide" ] || fail "$1: lines wider than 80 columns: $wide"
}

case_sync_fits_80_columns() {
	engine_in || { fail "the sync engine is missing"; return 1; }
	two_copies
	local long
	long=$(/usr/bin/python3 -c 'print(("Xây dựng đường giao thông nông thôn liên thôn " * 6)[:200])')
	expect_ok ntm task edit 3 --title "$long (văn phòng)" --progress 40
	expect_ok ntm --db laptop.db task edit 3 --title "$long (ngoài thôn)" --progress 60
	mkdir -p "odd dir/Thư mục Việt có tên rất dài để đường dẫn dài hơn"
	local f="odd dir/Thư mục Việt có tên rất dài để đường dẫn dài hơn/l.ntmsync"
	expect_ok ntm --db laptop.db sync export --out "$f"
	expect_ok ntm sync apply --dry-run "$f"
	expect_fits "sync apply --dry-run"
	expect_ok ntm sync apply "$f"
	expect_fits "sync apply"
	expect_stdout_line "Có 1 xung đột đang chờ: xem ntm sync conflicts,"
	expect_stdout_line "giải quyết bằng ntm sync resolve SỐ --take ours|theirs."
	expect_ok ntm sync conflicts
	expect_fits "sync conflicts"
	# wrapped, not cut: both titles whole, the words in order
	local joined
	joined=$(tr '\n' ' ' <"$OUT" | tr -s ' ')
	case $joined in
	*"$(echo "$long (văn phòng)" | tr -s ' ')"*) ;;
	*) fail "our title is not whole in the list: $(head -c 300 "$OUT")" ;;
	esac
	case $joined in
	*"$(echo "$long (ngoài thôn)" | tr -s ' ')"*) ;;
	*) fail "their title is not whole in the list" ;;
	esac
	expect_stdout_match "^     .*60%"
	expect_ok ntm sync status
	expect_fits "sync status"
	expect_ok ntm --db laptop.db sync status
	expect_fits "sync status (laptop)"
}

# The hint after an export can be pasted into a shell: the path quoted.
case_sync_export_hint_quoted() {
	engine_in || { fail "the sync engine is missing"; return 1; }
	two_copies
	mkdir -p "odd dir/Thư mục Việt"
	local f="odd dir/Thư mục Việt/it's.ntmsync"
	expect_ok ntm --db laptop.db sync export --out "$f"
	expect_stdout_line "Mang tệp sang bản sao kia và chạy:"
	expect_stdout_line "  ntm sync apply 'odd dir/Thư mục Việt/it'\\''s.ntmsync'"
	# the line, pasted into a shell, applies the file
	local cmd
	cmd=$(grep '^  ntm sync apply ' "$OUT" | sed 's/^  ntm sync apply //')
	eval "set -- $cmd"
	expect_eq "the quoted path, read back by the shell" "$1" "$f"
	expect_ok ntm sync apply "$1"
	# a plain name stays plain
	expect_ok ntm --db laptop.db sync export --out plain.ntmsync
	expect_stdout_line "Mang tệp sang bản sao kia và chạy: ntm sync apply plain.ntmsync"
}

# --dry-run says what would wait, not the list as it is now.
case_sync_dry_run_says_what_would_wait() {
	engine_in || { fail "the sync engine is missing"; return 1; }
	conflict_file l.ntmsync
	expect_ok ntm sync apply --dry-run l.ntmsync
	expect_stdout_line "  1 xung đột mới (bên này giữ giá trị của mình)."
	expect_stdout_line "Nếu áp dụng thật, sẽ có 1 xung đột chờ giải quyết"
	expect_stdout_not_has "Không có xung đột nào đang chờ."
	expect_stdout_not_has "đang chờ"
	expect_db "SELECT count(*) FROM sync_conflict" 0
	# nothing in it: said so as well
	expect_ok ntm --db laptop.db sync export --out none.ntmsync
	expect_ok ntm sync apply --dry-run none.ntmsync
	expect_stdout_line "Nếu áp dụng thật, sẽ không có xung đột nào chờ giải quyết."
}

# A folder: the command for the sync files in it, quoted.
case_sync_apply_folder() {
	fresh_db
	mkdir -p "Thư mục USB"
	expect_exit 1 ntm sync apply "Thư mục USB/"
	expect_stderr_has "“Thư mục USB/” là một thư mục"
	expect_stderr_has "ntm sync apply 'Thư mục USB'/*.ntmsync"
	expect_exit 1 ntm sync apply . x.ntmsync
	expect_stderr_has "ntm sync apply ./*.ntmsync"
	expect_stderr_has "chưa nhận (sau tệp bị từ chối): x.ntmsync"
}

# A file whose line ends were made CR LF (e-mail, Windows) is refused as
# such, not as cut short; nothing is written.
case_sync_apply_crlf() {
	engine_in || { fail "the sync engine is missing"; return 1; }
	two_copies
	expect_ok ntm --db laptop.db task edit 5 --progress 50
	expect_ok ntm --db laptop.db sync export --out l.ntmsync
	sed 's/$/\r/' l.ntmsync >mail.ntmsync
	local sum
	sum=$(sum_of "$NTM_DB")
	expect_exit 1 ntm sync apply mail.ntmsync
	expect_stderr_has "các dòng kết thúc bằng CR LF"
	expect_stderr_has "không nhận gì từ tệp này"
	expect_stderr_not_has "cắt cụt"
	expect_eq "database after a CR LF file" "$(sum_of "$NTM_DB")" "$sum"
	expect_ok ntm sync apply l.ntmsync
}

# The log shows another copy's change held back by a waiting conflict as
# such, and no longer once the conflict is settled.
case_sync_log_held_change() {
	engine_in || { fail "the sync engine is missing"; return 1; }
	conflict_file l1.ntmsync
	expect_ok ntm sync apply l1.ntmsync
	expect_ok ntm log --limit 5
	expect_stdout_match "\[từ bản sao $(replica_of laptop.db | cut -c1-8)\] \[chưa áp dụng ở đây: đang chờ giải quyết xung đột\]"
	expect_ok ntm sync resolve 1 --take ours
	expect_ok ntm log --limit 5
	expect_stdout_not_has "chưa áp dụng ở đây"
	expect_stdout_has "giải quyết xung đột"
	expect_stdout_not_has "resolved_by"
}

# The laptop changed the task twice, the office once: "bên này" is the
# office's change, never the laptop's first one (its audit row came with
# the file too, after the office's).
case_sync_conflict_ours_is_ours() {
	engine_in || { fail "the sync engine is missing"; return 1; }
	two_copies
	expect_ok ntm --db laptop.db task edit 3 --progress 30 --note "Đã khảo sát"
	expect_ok ntm --db laptop.db task edit 3 --progress 60
	NTM_USER="Văn phòng" expect_ok ntm task edit 3 --progress 40
	expect_ok ntm --db laptop.db sync export --out l1.ntmsync
	expect_ok ntm sync apply l1.ntmsync
	expect_ok ntm sync conflicts
	expect_stdout_match "^   bên này: .*40%.*\(Văn phòng"
	! grep -Eq "^   bên này: .*bản sao $(replica_of laptop.db | cut -c1-8)" "$OUT" ||
		fail "bên này names the laptop: $(grep 'bên này' "$OUT")"
	# both of the laptop's changes wait, not only the last
	expect_ok ntm log --limit 3
	[ "$(grep -c 'chưa áp dụng ở đây' "$OUT")" = 2 ] ||
		fail "the log should mark both laptop changes as waiting: $(cat "$OUT")"
}

# A change of the laptop applied in an earlier exchange is not marked as
# waiting when a later change of the same row makes a conflict.
case_sync_log_held_only_what_waits() {
	engine_in || { fail "the sync engine is missing"; return 1; }
	two_copies
	expect_ok ntm --db laptop.db task edit 3 --progress 30
	expect_ok ntm --db laptop.db sync export --out l1.ntmsync
	expect_ok ntm sync apply l1.ntmsync
	expect_db "SELECT progress FROM task WHERE number = 3" 30
	expect_ok ntm --db laptop.db task edit 3 --progress 60
	expect_ok ntm task edit 3 --progress 40
	expect_ok ntm --db laptop.db sync export --out l2.ntmsync
	expect_ok ntm sync apply l2.ntmsync
	expect_ok ntm log --limit 3
	grep -F '→ 60%' "$OUT" | grep -Fq 'chưa áp dụng ở đây' ||
		fail "the change to 60% waits: $(cat "$OUT")"
	grep -F '→ 30%' "$OUT" | grep -Fq 'chưa áp dụng ở đây' &&
		fail "the change to 30% was applied: $(cat "$OUT")"
	return 0
}
