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
	expect_exit 2 ntm --all status
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
	expect_ok ntm --db copy.db status
	b=$(replica_of copy.db)
	[ -n "$b" ] && [ "$a" != "$b" ] || fail "the copy kept the id $a (now \"$b\")"
	expect_eq "the original's id" "$(replica_of "$NTM_DB")" "$a"
	expect_ok ntm --db copy.db sync status
	expect_stdout_first "Bản sao này: ${b:0:8} ($b)"
	# moved, not copied: the id stays
	mv copy.db moved.db
	expect_ok ntm --db moved.db status
	expect_eq "a moved file's id" "$(replica_of moved.db)" "$b"
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
