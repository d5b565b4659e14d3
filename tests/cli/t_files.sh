# Files that are missing, wrong or too new; backup; check; --read-only.

# no_sidecars FILE: nothing was created beside FILE.
no_sidecars() {
	local s
	for s in -wal -shm -journal; do
		[ ! -e "$1$s" ] || fail "$1$s was created"
	done
}

case_db_in_missing_folder() {
	expect_exit 1 ntm --db /nonexistent-dir/x.db status
	expect_stderr_has "không tồn tại"
	[ ! -e /nonexistent-dir ] || fail "/nonexistent-dir was created"
	expect_exit 1 ntm --db "$T/nodir/x.db" init
	expect_stderr_has "không tồn tại"
	expect_exit 1 ntm --db "$T/nodir/x.db" set 12.2 50
	[ ! -e "$T/nodir" ] || fail "$T/nodir was created"
}

case_db_is_directory() {
	mkdir "$T/dir.db"
	expect_exit 1 ntm --db "$T/dir.db" status
	expect_stderr_has "thư mục"
	expect_exit 1 ntm --db "$T/dir.db" set 12.2 50
	expect_exit 1 ntm --db "$T/dir.db" init
	[ -z "$(ls -A "$T/dir.db")" ] || fail "something was written into the directory"
}

case_db_text_file() {
	printf 'Danh sách hộ nghèo\n' >"$T/notes.txt"
	local before
	before=$(sum_of "$T/notes.txt")
	expect_exit 1 ntm --db "$T/notes.txt" status
	expect_stderr_has "không phải tệp cơ sở dữ liệu SQLite"
	expect_exit 1 ntm --db "$T/notes.txt" set 12.2 50
	expect_stderr_has "không phải tệp cơ sở dữ liệu SQLite"
	expect_exit 1 ntm --db "$T/notes.txt" --read-only status
	expect_eq "checksum of the text file" "$(sum_of "$T/notes.txt")" "$before"
	no_sidecars "$T/notes.txt"
}

case_db_empty_file() {
	: >"$T/empty.db"
	expect_exit 1 ntm --db "$T/empty.db" status
	expect_eq "size of the empty file" "$(stat -c %s "$T/empty.db")" 0
}

case_db_other_program() {
	sqlite3 "$T/other.db" 'CREATE TABLE t(a); INSERT INTO t VALUES (1);'
	local before
	before=$(sum_of "$T/other.db")
	expect_exit 1 ntm --db "$T/other.db" status
	expect_stderr_has "không phải cơ sở dữ liệu của ntm"
	expect_exit 1 ntm --db "$T/other.db" set 12.2 50
	expect_eq "checksum of the other program's file" "$(sum_of "$T/other.db")" "$before"
	no_sidecars "$T/other.db"
	[ -z "$(ls "$T" | grep -F 'other.db.bak')" ] || fail "a backup of the other file was made"
}

case_db_missing_file() {
	expect_exit 1 ntm status
	expect_stderr_has "ntm init"
	[ ! -e "$NTM_DB" ] || fail "status created $NTM_DB"
	expect_exit 1 ntm --db "$T/missing.db" set 12.2 50
	expect_stderr_has "ntm init"
	expect_exit 1 ntm --db "$T/missing.db" checklist "Cự Đình"
	expect_exit 1 ntm --db "$T/missing.db" log
	[ ! -e "$T/missing.db" ] || fail "a command created $T/missing.db"
}

case_db_newer_schema() {
	fresh_db
	sqlite3 "$NTM_DB" 'PRAGMA user_version = 99'
	local before
	before=$(sum_of "$NTM_DB")
	expect_exit 1 ntm status
	expect_stderr_has "mới hơn"
	expect_exit 1 ntm set 12.2 50
	expect_stderr_has "mới hơn"
	expect_exit 1 ntm --read-only status
	expect_stderr_has "mới hơn"
	expect_eq "checksum of the newer file" "$(sum_of "$NTM_DB")" "$before"
	[ -z "$(ls "$T" | grep -F '.bak')" ] || fail "a backup was made: $(ls "$T")"
}

case_backup_copy() {
	fresh_db
	expect_ok ntm set 12.2 86,5
	expect_ok ntm backup "$T/copy.db"
	expect_stdout_is "Đã sao lưu vào $T/copy.db."
	expect_ok ntm --db "$T/copy.db" status
	expect_stdout_first "Xã Việt Hưng (huyện Văn Lâm, tỉnh Hưng Yên) — Kế hoạch 32/KH-UBND năm 2024"
	expect_ok ntm --db "$T/copy.db" status --format json
	expect_json 'ind("12.2")["value"]' 86.5
	expect_ok ntm --db "$T/copy.db" check
}

case_backup_relative_path() {
	fresh_db
	expect_ok ntm backup copy.db
	[ -f "$T/copy.db" ] || fail "backup copy.db did not create ./copy.db"
}

case_backup_onto_existing_database() {
	fresh_db
	fresh_db "$T/copy.db"
	expect_ok ntm --db "$T/copy.db" set 1.1 1 --note "chỉ trong bản sao"
	local before
	before=$(sum_of "$T/copy.db")
	expect_exit 1 ntm backup "$T/copy.db"
	expect_eq "checksum of the existing file" "$(sum_of "$T/copy.db")" "$before"
	expect_db "SELECT count(*) FROM measurement WHERE note = 'chỉ trong bản sao'" 1 "$T/copy.db"
}

case_backup_onto_existing_other_file() {
	fresh_db
	printf 'báo cáo\n' >"$T/report.txt"
	local before
	before=$(sum_of "$T/report.txt")
	expect_exit 1 ntm backup "$T/report.txt"
	expect_eq "checksum of the existing file" "$(sum_of "$T/report.txt")" "$before"
}

case_backup_into_missing_folder() {
	fresh_db
	expect_exit 1 ntm backup "$T/nodir/copy.db"
	[ ! -e "$T/nodir" ] || fail "backup created $T/nodir"
	# said in Vietnamese, naming the folder (issue 9), never SQLite's English
	expect_stderr_has "thư mục “$T/nodir” không tồn tại"
	expect_stderr_not_has "unable to open"
}

# No English from SQLite or the C library reaches people (issue 9).
case_file_errors_in_vietnamese() {
	fresh_db
	expect_exit 1 ntm backup /proc/ntm-copy.db
	expect_stderr_has "không sao lưu được vào “/proc/ntm-copy.db”"
	expect_stderr_not_has "unable"
	expect_exit 1 ntm --db /proc/ntm-new.db init
	expect_stderr_has "không tạo được “/proc/ntm-new.db”"
	expect_stderr_not_has "unable"
	printf 'not a database at all, just text that is long enough to look like a header\n%.0s' 1 2 3 4 5 6 7 8 >"$T/junk.db"
	expect_exit 1 ntm --db "$T/junk.db" status
	expect_stderr_has "không phải tệp cơ sở dữ liệu SQLite"
	expect_stderr_not_has "file is not a database"
}

case_check_fresh() {
	fresh_db
	expect_ok ntm check
	expect_stdout_is "Tệp $NTM_DB không có lỗi."
}

case_read_only_option() {
	fresh_db
	local before
	before=$(sum_of "$NTM_DB")
	expect_ok ntm --read-only status
	expect_stdout_first "Xã Việt Hưng (huyện Văn Lâm, tỉnh Hưng Yên) — Kế hoạch 32/KH-UBND năm 2024"
	expect_ok ntm --read-only checklist "Cự Đình"
	expect_exit 1 ntm --read-only set 12.2 50
	expect_stderr_has "chỉ xem"
	expect_exit 1 ntm --read-only checklist "Cự Đình" --done 1
	expect_stderr_has "chỉ xem"
	expect_exit 1 ntm --read-only target 12.2 90
	expect_exit 1 ntm --read-only village add "Đình Dù"
	expect_db "SELECT count(*) FROM measurement" 0
	expect_db "SELECT count(*) FROM audit" 0
	expect_eq "checksum after --read-only" "$(sum_of "$NTM_DB")" "$before"
}

case_check_corrupt() {
	fresh_db
	local page
	page=$(q "SELECT rootpage FROM sqlite_master WHERE name = 'checklist_item_unit'")
	[ -n "$page" ] || { fail "no index checklist_item_unit"; return; }
	rm -f "$NTM_DB-wal" "$NTM_DB-shm"
	python3 -c '
import sys
f = open(sys.argv[1], "r+b")
f.seek((int(sys.argv[2]) - 1) * 4096 + 8)
f.write(b"\xff" * 64)' "$NTM_DB" "$page"
	run ntm check
	expect_rc 1
	case $(head -n 1 "$ERR") in "ntm: "?*) ;; *) fail "check: stderr should start with \"ntm: \": $(head -c 200 "$ERR")" ;; esac
	expect_stdout_not_has "không có lỗi"
}
