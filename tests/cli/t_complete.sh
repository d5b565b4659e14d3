# Bash completion (issue 16): the script share/bash-completion/completions/ntm
# driven as bash drives it (COMP_WORDS, COMP_CWORD, _ntm), asking the ntm
# under test (first on PATH) through `ntm __complete`.

COMPLETION_SCRIPT=$TESTS_LIB/../../share/bash-completion/completions/ntm

# complete WORD…: completes the last WORD of "ntm WORD…" in a clean bash;
# COMPREPLY one entry a line in $OUT, the shell's stderr in $ERR.
complete_line() {
	mkdir -p "$T/bin"
	ln -sf "$NTM" "$T/bin/ntm"
	LAST_CMD="ntm $* <Tab>"
	PATH="$T/bin:$PATH" bash -c '
		source "$1" || exit 9
		shift
		COMP_WORDS=(ntm "$@")
		COMP_CWORD=$#
		_ntm
		[ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}"' \
		complete "$COMPLETION_SCRIPT" "$@" >"$OUT" 2>"$ERR"
	RC=$?
}

# expect_reply "A|B|…": COMPREPLY is exactly these words, in this order
# ("" : none); nothing on the shell's stderr.
expect_reply() {
	local got
	got=$(paste -sd '|' "$OUT")
	[ "$RC" = 0 ] || fail "\`$LAST_CMD\`: bash exited $RC $(_ctx)"
	[ "$got" = "$1" ] || fail "\`$LAST_CMD\`: offered \"$got\", expected \"$1\""
	expect_stderr_empty
}

case_commands_from_a_prefix() {
	complete_line fu
	expect_reply "fund"
	complete_line s
	expect_stdout_line status
	expect_stdout_line set
	expect_stdout_line sync
	expect_no_stdout_line fund
	complete_line he
	expect_reply "help"
	complete_line help t
	expect_reply "target|task|telex"
}

case_options_of_a_command() {
	complete_line task list --sec
	expect_reply "--sector"
	# status takes no --sector: not offered
	complete_line status --sec
	expect_reply ""
	complete_line status --
	expect_stdout_line --format
	expect_stdout_line --db
	expect_stdout_line --help
	expect_no_stdout_line --title
	expect_no_stdout_line --version
	complete_line --vers
	expect_reply "--version"
}

case_subcommands_each_once() {
	complete_line fund ""
	expect_reply "plan|cost|add|reverse|list|summary|sources|source"
	complete_line fund source ""
	expect_reply "add"
	complete_line criteria ""
	expect_reply "list|import|target"
	complete_line plan e
	expect_reply "edit|export"
	# words of an argument's description are no subcommands
	fresh_db
	complete_line convert --from tcvn3 ""
	expect_no_stdout_line "nhiều"
	complete_line search ""
	expect_reply ""
}

case_formats_of_the_command() {
	complete_line status --format ""
	expect_reply "text|json|csv"
	complete_line plan list --format ""
	expect_reply "text|json"
	complete_line report --format ""
	expect_reply "txt|md|csv|xlsx|docx"
	complete_line --format = j
	expect_reply ""
	complete_line status --format = j
	expect_reply "json"
	complete_line task list --status d
	expect_reply "dang_thuc_hien"
	complete_line fund add 3 --kind ""
	expect_reply "received|paid|completed"
	complete_line convert --to ""
	expect_reply "utf-8|tcvn3|viscii|cp1258|vni"
}

case_sector_codes() {
	fresh_db
	complete_line task list --sector ""
	expect_reply "$(q 'SELECT code FROM sector ORDER BY ord' | paste -sd '|')"
	complete_line task add --sector giao_t
	expect_reply "giao_thong"
}

case_indicator_codes() {
	fresh_db
	complete_line set 2.
	expect_reply "2.1|2.2|2.3|2.4"
	complete_line target 17.
	expect_stdout_line 17.5
	expect_stdout_line 17.KH1
	complete_line criteria target 12.
	expect_stdout_line 12.2
	complete_line set 12.2 ""
	expect_reply ""
}

# Outside quotes, COMPREPLY holds the names escaped for the shell; inside
# a quote the user opened, as stored (readline quotes them as file names).
# What the command receives: case_names_typed_in_a_real_bash.
case_village_name_with_space_and_accents() {
	fresh_db
	expect_ok ntm village add "Ngọc Quỳnh Đông"
	complete_line checklist Ng
	expect_reply 'Ngọc\ Quỳnh\ Đông'
	# typed without accents
	complete_line checklist cu
	expect_reply 'Cự\ Đình'
	complete_line village rename ""
	expect_reply 'Cự\ Đình|Ngọc\ Quỳnh\ Đông|Thục\ Cầu'
	# what was typed is read as the shell will: escaped, quoted (inside
	# a quote readline quotes the names: they are given as stored)
	complete_line checklist 'Ngọc\ Q'
	expect_reply 'Ngọc\ Quỳnh\ Đông'
	complete_line checklist '"Ngọc Q'
	expect_reply 'Ngọc Quỳnh Đông'
	complete_line checklist "'Ngọc Q"
	expect_reply 'Ngọc Quỳnh Đông'
	complete_line checklist 'Ngọc\ X'
	expect_reply ''
}

# A bare laptop has no LANG: the names are offered as their letters.
case_village_name_without_a_locale() {
	fresh_db
	expect_ok ntm village add "Ngọc Quỳnh Đông"
	LANG=C LC_ALL=C complete_line checklist 'Ngọc\ Q'
	expect_reply 'Ngọc\ Quỳnh\ Đông'
	LANG=C LC_ALL=C complete_line checklist ""
	expect_reply 'Cự\ Đình|Ngọc\ Quỳnh\ Đông|Thục\ Cầu'
}

# --db ~/x.db: bash leaves the ~ as typed in COMP_WORDS; the file in
# $HOME is the one read.
case_db_under_home() {
	mkdir -p "$T/home"
	fresh_db "$T/home/xa.db"
	NTM_DB=$T/none.db expect_ok ntm --db "$T/home/xa.db" village add "Thôn Mới"
	HOME=$T/home NTM_DB=$T/none.db complete_line --db '~/xa.db' checklist "Thôn"
	expect_reply 'Thôn\ Mới'
	[ ! -e "$T/none.db" ] || fail "completion created $T/none.db"
}

# A name is data: never run by the shell, and never offered with control
# characters in it.
case_village_names_are_only_text() {
	fresh_db
	expect_ok ntm village add 'Thôn $(touch pwned)'
	sqlite3 "$NTM_DB" "UPDATE unit SET name = 'Thục' || char(27) || '[31m' WHERE name = 'Thục Cầu'"
	complete_line checklist Th
	expect_reply 'Thôn\ \$\(touch\ pwned\)'
	[ ! -e pwned ] || fail "the completion ran a command from a village's name"
	complete_line checklist ""
	expect_no_stdout_line "$(printf 'Thục\033[31m')"
	expect_stdout_line 'Cự\ Đình'
}

case_plan_and_task_numbers() {
	fresh_db
	complete_line plan use ""
	expect_reply "2024|32/KH-UBND"
	complete_line status --plan 3
	expect_reply "32/KH-UBND"
	complete_line task done ""
	expect_stdout_lines "$(q 'SELECT count(*) FROM task')"
	expect_stdout_line 70
	complete_line fund add 7
	expect_reply "7|70"
}

case_file_names() {
	: >"data one.db"
	: >"dz.txt"
	complete_line --db da
	expect_reply "data one.db"
	complete_line report --out d
	expect_stdout_line "data one.db"
	expect_stdout_line dz.txt
	complete_line --db = d
	expect_stdout_line "data one.db"
	complete_line import ""
	expect_stdout_line dz.txt
	run ntm __complete backup ""
	expect_rc 3
}

case_missing_database_offers_nothing() {
	export NTM_DB=$T/none.db
	complete_line set ""
	expect_reply ""
	complete_line checklist ""
	expect_reply ""
	run ntm __complete task list --sector ""
	expect_rc 0
	expect_stdout_lines 0
	expect_stderr_empty
	[ ! -e "$NTM_DB" ] || fail "completion created $NTM_DB"
	# the default file is never made either
	unset NTM_DB
	complete_line checklist ""
	expect_reply ""
	[ ! -e "$XDG_DATA_HOME/ntm" ] || fail "completion created $XDG_DATA_HOME/ntm"
	# and bash does not fall back to file names where ntm offers nothing
	local spec
	spec=$(bash -c 'source "$1" && complete -p ntm' x "$COMPLETION_SCRIPT")
	expect_eq "the completion spec" "$spec" "complete -F _ntm ntm"
}

case_older_file_is_not_migrated() {
	fresh_db
	sqlite3 "$NTM_DB" "PRAGMA user_version = 8"
	local before
	before=$(sum_of "$NTM_DB")
	complete_line set ""
	expect_reply ""
	expect_eq "the file" "$(sum_of "$NTM_DB")" "$before"
	[ -z "$(ls "$T" | grep '\.bak-')" ] || fail "completion backed the file up"
}

case_empty_commune_file() {
	expect_ok ntm init --empty --commune "Tân Lập"
	complete_line plan use ""
	expect_reply ""
	complete_line task done ""
	expect_reply ""
	complete_line checklist ""
	expect_reply ""
	complete_line --unit T
	expect_reply 'Tân\ Lập'
	complete_line set 2.
	expect_reply "2.1|2.2|2.3|2.4"
}

case_district_file() {
	expect_ok ntm init --district "Văn Lâm"
	complete_line set ""
	expect_reply ""
	complete_line task list --sector ""
	expect_reply ""
	complete_line checklist ""
	expect_reply ""
	complete_line plan use ""
	expect_reply ""
	complete_line --unit ""
	expect_reply ""
}

case_unit_picks_the_commune() {
	fresh_db
	complete_line --db "$NTM_DB" --unit "viet hung" checklist T
	expect_reply 'Thục\ Cầu'
	complete_line --unit "nowhere" checklist ""
	expect_reply ""
}

# In a real interactive bash (tmux): what Tab puts on the line, run by a
# function ntm that prints its arguments, one per line in [ ]. Names with
# $, quotes and spaces arrive whole whatever quote the user opened, and a
# folder named 2024 here does not turn the plan 2024 into "2024/".
tab_line() {   # tab_line LANG TYPED… : types TYPED, Tab, Enter; $OUT: what ran
	local lang=$1 sock=$T/tmux.sock i
	shift
	: >"$T/args"
	tmux -S "$sock" send-keys -t cb C-u
	tmux -S "$sock" send-keys -t cb -l "$*"
	# readline finishes the Tab before it reads the Enter
	tmux -S "$sock" send-keys -t cb Tab Enter
	for i in $(seq 50); do
		grep -q '^END$' "$T/args" && break
		sleep 0.1
	done
	grep -v '^END$' "$T/args" >"$OUT"
	LAST_CMD="(LANG=$lang, bash) $* <Tab>"
}

start_bash() {   # start_bash LANG
	mkdir -p "$T/bin" "$T/2024"
	ln -sf "$NTM" "$T/bin/ntm"
	tmux -S "$T/tmux.sock" kill-server 2>/dev/null
	tmux -S "$T/tmux.sock" new -d -s cb -x 150 -y 20 -c "$T" \
		"env -i HOME=$T TERM=screen LANG=$1 PATH=$T/bin:/usr/bin:/bin NTM_DB=$NTM_DB bash --norc --noprofile"
	tmux -S "$T/tmux.sock" send-keys -t cb -l "source '$COMPLETION_SCRIPT'; ntm() { printf '[%s]\n' \"\$@\" > '$T/args'; echo END >> '$T/args'; }"
	tmux -S "$T/tmux.sock" send-keys -t cb Enter
}

case_names_typed_in_a_real_bash() {
	command -v tmux >/dev/null || fail "tmux is needed"
	fresh_db
	expect_ok ntm village add 'Thôn $HOME giàu'
	expect_ok ntm village add "Thôn O'Brien"
	expect_ok ntm village add "Ngọc Quỳnh Đông"
	expect_ok ntm village add 'Xóm $HOME `id` $(id)'
	for lang in C.UTF-8 C; do
		start_bash $lang
		tab_line $lang 'ntm checklist Ng'
		expect_reply '[checklist]|[Ngọc Quỳnh Đông]'
		tab_line $lang 'ntm checklist "Thôn $'
		expect_reply '[checklist]|[Thôn $HOME giàu]'
		tab_line $lang "ntm checklist 'Thôn O"
		expect_reply "[checklist]|[Thôn O'Brien]"
		tab_line $lang 'ntm checklist Thôn\ O'
		expect_reply "[checklist]|[Thôn O'Brien]"
		tab_line $lang 'ntm --plan 20'
		expect_reply '[--plan]|[2024]'
		tab_line $lang 'ntm checklist Xóm\ $'
		expect_reply '[checklist]|[Xóm $HOME `id` $(id)]'
		tab_line $lang 'ntm checklist "Xóm'
		expect_reply '[checklist]|[Xóm $HOME `id` $(id)]'
		tab_line $lang 'ntm checklist xom'
		expect_reply '[checklist]|[Xóm $HOME `id` $(id)]'
		tmux -S "$T/tmux.sock" kill-server
	done
}

# After a subcommand: the options that subcommand takes (its table's, the
# same cli_run_sub checks) and the global ones, never the command's others.
case_options_of_a_subcommand() {
	complete_line plan use --
	expect_reply "--db|--unit|--read-only|--utf8|--clear|--help"
	run ntm plan use 2024 --signer X
	expect_rc 2
	expect_stderr_has "không dùng tùy chọn --signer"
	complete_line plan use --s
	expect_reply ""
	complete_line task done --
	expect_no_stdout_line --sector
	expect_stdout_line --plan
	expect_stdout_line --db
	complete_line fund sources --
	expect_no_stdout_line --kind
	expect_stdout_line --unit
	complete_line fund add 3 --k
	expect_reply "--kind"
	complete_line sync export --
	expect_stdout_line --out
	expect_no_stdout_line --take
	# before the subcommand: any of the command's (it may come after)
	complete_line plan --sig
	expect_reply "--signer"
}

# init and undo refuse --read-only whatever else is given: not offered.
case_read_only_not_offered_where_refused() {
	complete_line init --
	expect_no_stdout_line --read-only
	expect_stdout_line --empty
	expect_stdout_line --db
	complete_line undo --re
	expect_reply ""
	complete_line status --re
	expect_reply "--read-only"
}

# --plan is global (ntm --help lists it so): offered before the command
# and for the commands that take it, not for those that refuse it.
case_plan_option_before_the_command() {
	complete_line --p
	expect_reply "--plan"
	complete_line --
	expect_stdout_line --plan
	complete_line status --pl
	expect_reply "--plan"
	complete_line log --pl
	expect_reply ""
	fresh_db
	complete_line --plan ""
	expect_reply "2024|32/KH-UBND"
}

# Only the commands ntm --help lists: not the hidden ui.
case_hidden_command_not_offered() {
	complete_line u
	expect_reply "undo|unit"
	complete_line help u
	expect_reply "undo|unit"
	complete_line ""
	expect_no_stdout_line ui
	expect_stdout_line fund
	expect_stdout_line help
	# what --help lists is what is offered, in any order
	local listed
	listed=$(ntm --help | sed -n 's/^  \([a-z]\+\) .*/\1/p' | sort | paste -sd '|')
	expect_eq "the commands offered" "$(sort "$OUT" | paste -sd '|')" "$listed"
}

# ntm task done offers the tasks not done yet; the others offer every one.
case_task_done_offers_open_tasks() {
	fresh_db
	expect_ok ntm task done 3
	expect_ok ntm task edit 5 --status hoan_thanh
	complete_line task done ""
	expect_no_stdout_line 3
	expect_no_stdout_line 5
	expect_stdout_line 4
	expect_stdout_lines "$(q "SELECT count(*) FROM task WHERE status <> 'hoan_thanh'")"
	complete_line task edit ""
	expect_stdout_line 3
	expect_stdout_line 5
	complete_line task remove 3
	expect_stdout_line 3
}

# ntm help WORD: the commands --help lists, nothing else (a tester saw the
# subcommands of fund offered there).
case_help_offers_commands_only() {
	fresh_db
	complete_line help ""
	expect_stdout_line fund
	expect_no_stdout_line cost
	expect_no_stdout_line reverse
	[ "$(grep -cx plan "$OUT")" = 1 ] || fail "plan offered $(grep -cx plan "$OUT") times"
}
