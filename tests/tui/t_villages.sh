# Tab Thôn: the villages and their checklists toward khu dân cư NTM kiểu
# mẫu — ticking (with the gauges here and on Tổng quan), adding in Telex,
# moving, deleting, undo and redo, renaming (the old name still finds the
# village), the villages × items matrix, the view sorted by name, adding,
# completing from the template and deleting a village, the ASCII screen.
#
# A fresh database has two villages, Cự Đình and Thục Cầu, each with the ten
# items of the template in this order:
TPL1="Đường giao thông trong thôn"
TPL2="Rãnh thoát nước"
TPL3="Cơ sở vật chất (nhà văn hóa thôn)"

# items_of VILLAGE: "ord:title" of the village's items, in their order.
items_of() {
	q "SELECT group_concat(o, ' / ') FROM (SELECT c.ord || ':' || c.title AS o
	   FROM checklist_item c JOIN unit u ON u.id = c.unit_id
	   WHERE u.name = '$1' ORDER BY c.ord)"
}

# in_order TEXT…: the checklist rows TEXT… are on the screen, each on the
# line right after the one before (titles exact, not cut).
in_order() {
	local prev= t n
	for t in "$@"; do
		n=$(item_line "$t")
		if [ -z "$n" ]; then
			fail_screen "the checklist should show the row \"$t\""
			return 1
		fi
		if [ -n "$prev" ] && [ "$n" != $((prev + 1)) ]; then
			fail_screen "the checklist should show \"$*\" in this order on consecutive lines; \"$t\" is on line $n, the one before on line $prev"
			return 1
		fi
		prev=$n
	done
}

_in_order_quiet() {
	local prev= t n
	for t in "$@"; do
		n=$(item_line "$t")
		[ -n "$n" ] || return 1
		[ -z "$prev" ] || [ "$n" = $((prev + 1)) ] || return 1
		prev=$n
	done
}

# wait_order TEXT…: waits until in_order holds (3 s), then checks it.
wait_order() {
	poll "" _in_order_quiet "$@"
	in_order "$@"
}

# overview_gauge NAME WANT: on Tổng quan, the row of the village NAME
# shows WANT (e.g. 1/10).
overview_gauge() {
	goto "tong quan" || return
	wait_line 2 "Kế hoạch" || return
	# the villages come after the sectors and the 19 criteria: End, then up
	keys End
	select_row "$1" k || return
	expect_screen "Thôn (khu dân cư NTM kiểu mẫu)"
	poll "" _sel_has "$2" ||
		fail_screen "Tổng quan: the row of $1 should show \"$2\", it is \"$(selected)\""
}

# ---- 1. tick and untick: the gauges here and on Tổng quan -------------------

case_tick_untick_gauges() {
	to_village "thuc cau" || return
	wait_item_selected "[ ] $TPL1" || return
	wait_village "Thục Cầu" "0/10" || return
	expect_screen "Chưa xong · theo mẫu · thứ tự: như đã xếp"
	keys Space
	wait_item_selected "[✓] $TPL1" || return
	wait_village "Thục Cầu" "1/10" || return
	wait_for "Xong ngày $(date +%d/%m/%Y)" || return
	village_line "Cự Đình" | grep -Fq "0/10" ||
		fail_screen "ticking an item of Thục Cầu should leave Cự Đình at 0/10"
	expect_db "$(iq "Thục Cầu" "$TPL1" "c.done, c.done_on, c.done_by IS NOT NULL")" "1|$(today)|1"
	expect_db "$(iq "Cự Đình" "$TPL1" "c.done")" 0
	expect_checklist "Thục Cầu" '[d["items_done"], d["items_total"], d["items"][0]["done"]]' '[1, 10, true]'
	expect_json '[[v["items_done"], v["items_total"]] for v in d["villages"] if v["name"] == "Thục Cầu"]' '[[1, 10]]'
	# Tổng quan says the same; Enter on the village comes back to its list
	overview_gauge "Thục Cầu" "1/10" || return
	keys Enter
	poll "" _villages_tab || { fail_screen "Enter on a village of Tổng quan should open the tab Thôn"; return; }
	wait_item_selected "$TPL1" || return
	# untick: back to 0/10 in both places
	keys Space
	wait_item_selected "[ ] $TPL1" || return
	wait_village "Thục Cầu" "0/10" || return
	wait_for "Chưa xong" || return
	expect_db "$(iq "Thục Cầu" "$TPL1" "c.done")" 0
	expect_checklist "Thục Cầu" '[d["items_done"], d["items"][0]["done"], d["items"][0]["done_on"]]' '[0, false, null]'
	overview_gauge "Thục Cầu" "0/10" || return
	expect_db "SELECT count(*) FROM checklist_item WHERE done = 1" 0
	expect_json '[[v["items_done"], v["items_total"]] for v in d["villages"] if v["name"] == "Thục Cầu"]' '[[0, 10]]'
}

# ---- 2. an item typed in Telex goes right after the selection ---------------

case_add_item_telex() {
	local want="đường hoa tiêu biểu"
	to_village "thuc cau" || return
	wait_item_selected "$TPL1" || return
	keys a
	wait_for "Thêm việc — thôn Thục Cầu" || return
	wait_for "[gõ thường]" || return
	keys C-t
	wait_for "[Telex]" || return
	literal "dduwowngf hoa tieeu bieeur"
	wait_for "Việc  $want" || return
	keys Enter
	wait_gone "Thêm việc — thôn" || return
	wait_for "Đã lưu." || return
	wait_village "Thục Cầu" "0/11" || return
	# on the line right after the item that was selected…
	wait_order "$TPL1" "$want" "$TPL2" || true
	# …and selected itself
	poll "" _item_sel_has "$want" ||
		fail_screen "the item just added (“$want”) should be the selected one, the selected row is \"$(item_selected)\""
	# the database: exactly these bytes (NFC), second in the order, by hand
	expect_db "$(iq "Thục Cầu" "$want" "c.ord, c.done, c.template_id IS NULL")" "2|0|1"
	expect_db "$(iq "Thục Cầu" "$want" "hex(c.title)")" \
		"$(printf %s "$want" | python3 -c 'import sys,unicodedata; print(unicodedata.normalize("NFC", sys.stdin.read()).encode().hex().upper())')"
	expect_db "$(iq "Thục Cầu" "$TPL2" "c.ord")" 3
	expect_db "SELECT count(*) FROM checklist_item c JOIN unit u ON u.id = c.unit_id WHERE u.name = 'Cự Đình'" 10
	expect_checklist "Thục Cầu" '[d["items"][1]["title"], d["items"][1]["pos"], d["items"][1]["from_template"]]' "[\"$want\", 2, false]"
}

# ---- 3. move, delete (asked), undo, redo --------------------------------------

case_move_delete_undo_redo() {
	to_village "thuc cau" || return
	wait_item_selected "$TPL1" || return
	wait_order "$TPL1" "$TPL2" "$TPL3" || return
	keys j
	wait_item_selected "$TPL2" || return
	keys K
	wait_order "$TPL2" "$TPL1" "$TPL3" || return
	wait_item_selected "$TPL2" || return
	expect_db "$(iq "Thục Cầu" "$TPL2" "c.ord")" 1
	expect_db "$(iq "Thục Cầu" "$TPL1" "c.ord")" 2
	expect_db "$(iq "Cự Đình" "$TPL2" "c.ord")" 2
	# d asks, naming the item and the village; n keeps it
	keys d
	wait_for "Xóa việc “$TPL2” của thôn Thục Cầu?" || return
	keys n
	wait_for "Không xóa." || return
	wait_item_selected "$TPL2" || return
	expect_db "$(iq "Thục Cầu" "$TPL2" "count(*)")" 1
	# d, y deletes it
	keys d
	wait_for "Xóa việc “$TPL2” của thôn Thục Cầu?" || return
	keys y
	wait_gone "Xóa việc “" || return
	poll "" _lacks_item "$TPL2" || fail_screen "after d y, “$TPL2” should be gone from the list"
	wait_village "Thục Cầu" "0/9" || return
	expect_db "$(iq "Thục Cầu" "$TPL2" "count(*)")" 0
	expect_db "$(iq "Cự Đình" "$TPL2" "count(*)")" 1
	# u: back where it was
	keys u
	wait_for "Đã hoàn tác" || return
	wait_order "$TPL2" "$TPL1" "$TPL3" || return
	wait_village "Thục Cầu" "0/10" || return
	expect_db "$(iq "Thục Cầu" "$TPL2" "c.ord")" 1
	# Ctrl-R: deleted again
	keys C-r
	wait_for "Đã làm lại" || return
	poll "" _lacks_item "$TPL2" || fail_screen "after Ctrl-R, “$TPL2” should be gone again"
	wait_village "Thục Cầu" "0/9" || return
	expect_db "$(iq "Thục Cầu" "$TPL2" "count(*)")" 0
	# u: back again
	keys u
	wait_for "Đã hoàn tác" || return
	wait_order "$TPL2" "$TPL1" "$TPL3" || return
	wait_village "Thục Cầu" "0/10" || return
	expect_db "$(iq "Thục Cầu" "$TPL2" "c.ord, c.done")" "1|0"
	expect_checklist "Thục Cầu" '[i["title"] for i in d["items"][:3]]' "[\"$TPL2\", \"$TPL1\", \"$TPL3\"]"
}

_lacks_item() { [ -z "$(item_line "$1")" ]; }

# ---- 4. rename; the old name still finds the village --------------------------

_palette_sel_has() { screen | grep -m1 '^▸' | grep -Fq -- "$1"; }

case_rename_village() {
	to_village "thuc cau" || return
	keys Escape
	wait_for "Thục Cầu: 0/10 · thứ tự" || return
	select_row "Cự Đình" k || return
	keys R
	wait_for "Đổi tên thôn Cự Đình" || return
	wait_for "Tên thôn  Cự Đình" || return
	keys C-u
	poll "" _lacks "Tên thôn  Cự Đình" || { fail_screen "Ctrl-U should clear the field"; return; }
	literal "Cự Đình Mới"
	wait_for "Tên thôn  Cự Đình Mới" || return
	keys Enter
	wait_gone "Đổi tên thôn" || return
	wait_selected "Cự Đình Mới" || return
	wait_village "Cự Đình Mới" "0/10" || return
	expect_db "SELECT count(*) FROM unit WHERE level = 'thon' AND name = 'Cự Đình Mới'" 1
	expect_db "SELECT count(*) FROM unit WHERE name = 'Cự Đình'" 0
	expect_db "SELECT count(*) FROM unit_alias a JOIN unit u ON u.id = a.unit_id
		   WHERE u.name = 'Cự Đình Mới' AND a.name = 'Cự Đình'" 1
	# the palette, with the old name typed without marks
	keys g
	poll "" _palette_open || { fail_screen "g did not open the palette"; return; }
	literal "cu dinh"
	wait_line 1 "cu dinh" || return
	wait_for "thôn      Cự Đình Mới" || return
	select_row "Cự Đình Mới" Down 10 || return
	keys Enter
	poll "" _villages_tab || { fail_screen "Enter on “thôn Cự Đình Mới” in the palette should open the tab Thôn"; return; }
	wait_selected "Cự Đình Mới" || return
	wait_item_selected "$TPL1" || return
	# the command line too, by the old name and without marks
	ntm_ok checklist "Cự Đình" || return
	head -n 1 "$OUT" | grep -Fq "Cự Đình Mới: 0/10" ||
		fail "\`ntm checklist \"Cự Đình\"\` should show the village Cự Đình Mới, it printed \"$(head -n 1 "$OUT")\""
	expect_checklist "cu dinh" 'd["village"]' "Cự Đình Mới"
}

# ---- 5. the matrix ------------------------------------------------------------

case_matrix_tick() {
	to_village "thuc cau" || return
	wait_item_selected "$TPL1" || return
	keys m
	wait_for "Bảng thôn × việc theo mẫu" || return
	wait_for "Thục Cầu — $TPL1: chưa" || return
	keys k
	wait_for "Cự Đình — $TPL1: chưa" || return
	keys l l
	wait_for "Cự Đình — $TPL3: chưa" || return
	keys h
	wait_for "Cự Đình — $TPL2: chưa" || return
	keys l
	wait_for "Cự Đình — $TPL3: chưa" || return
	keys Space
	wait_for "Cự Đình — $TPL3: xong" || return
	local want="· · ✓ · · · · · · ·"
	[ "$(matrix_cells "Cự Đình")" = "$want" ] ||
		fail_screen "the matrix row of Cự Đình should be \"$want\", it is \"$(matrix_cells "Cự Đình")\""
	[ "$(matrix_cells "Thục Cầu")" = "· · · · · · · · · ·" ] ||
		fail_screen "the matrix row of Thục Cầu should be all ·, it is \"$(matrix_cells "Thục Cầu")\""
	screen | grep -F " Cự Đình " | grep -Eq ' 10%$' ||
		fail_screen "the matrix row of Cự Đình should end with 10%"
	screen | grep -F " Thục Cầu " | grep -Eq ' 0%$' ||
		fail_screen "the matrix row of Thục Cầu should end with 0%"
	# the bottom line: item 3 is done in 1 village of 2
	screen | grep -Eq '^ +0% +0% +50% +0% ' ||
		fail_screen "the matrix's last line should give 50% to item 3 (1 village of 2), 0% to items 1, 2, 4"
	expect_db "SELECT c.done, c.title FROM checklist_item c JOIN unit u ON u.id = c.unit_id
		   WHERE u.name = 'Cự Đình' AND c.ord = 3" "1|$TPL3"
	expect_db "SELECT count(*) FROM checklist_item WHERE done = 1" 1
	ntm_ok checklist --matrix --format json
	python3 - "$OUT" <<'EOF' >"$T/mx.check" 2>&1 || fail "ntm checklist --matrix --format json: $(cat "$T/mx.check")"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
v = {x["name"]: x["done"] for x in d["villages"]}
assert v["Cự Đình"][2] is True and sum(v["Cự Đình"]) == 1, v
assert sum(v["Thục Cầu"]) == 0, v
EOF
	# m: back to the two panes, the gauge of Cự Đình moved
	keys m
	wait_for "Thôn — danh mục" || return
	wait_village "Cự Đình" "1/10" || return
	wait_village "Thục Cầu" "0/10" || return
	# back in the matrix: the same column, the village selected on the
	# left; Space unticks, u ticks again
	keys m
	wait_for "Thục Cầu — $TPL3: chưa" || return
	keys k
	wait_for "Cự Đình — $TPL3: xong" || return
	keys Space
	wait_for "Cự Đình — $TPL3: chưa" || return
	[ "$(matrix_cells "Cự Đình")" = "· · · · · · · · · ·" ] ||
		fail_screen "after Space the matrix row of Cự Đình should be all ·, it is \"$(matrix_cells "Cự Đình")\""
	expect_db "$(iq "Cự Đình" "$TPL3" "c.done")" 0
	keys u
	wait_for "Cự Đình — $TPL3: xong" || return
	expect_db "$(iq "Cự Đình" "$TPL3" "c.done")" 1
}

# ---- 6. sorted by name, the Vietnamese way --------------------------------------

case_sort_by_title() {
	local t
	for t in "Ăn uống" "An ninh" "Ba" "Bà"; do
		ntm_ok checklist "Thục Cầu" --add "$t" || return
	done
	local before
	before=$(items_of "Thục Cầu")
	to_village "thuc cau" || return
	wait_item_selected "$TPL1" || return
	wait_for "thứ tự: như đã xếp" || return
	wait_village "Thục Cầu" "0/14" || return
	wait_order "Đảm bảo an ninh, trật tự" "Ăn uống" "An ninh" "Ba" "Bà" || return
	keys s
	wait_for "thứ tự: theo tên" || return
	wait_order "An ninh" "Ăn uống" "Ba" "Bà" || return
	# the rest follows Vietnamese order too: C < D < Đ < I < L < R < T < V,
	# a < ă < â, unmarked < marked
	local prev=0 n
	for t in "Bà" "$TPL3" "Đảm bảo an ninh, trật tự" "$TPL1" "Rãnh thoát nước" \
		 "Trang thiết bị nhà văn hóa"; do
		n=$(item_line "$t")
		if [ -z "$n" ] || [ "$n" -le "$prev" ]; then
			fail_screen "sorted by name, \"$t\" should come after the rows before it (line ${n:-none}, previous $prev)"
			break
		fi
		prev=$n
	done
	# the selection stays on its item
	wait_item_selected "$TPL1" || return
	# the database's order is untouched, and so is the command line's
	[ "$(items_of "Thục Cầu")" = "$before" ] ||
		fail "sorting the view must not change ord: before \"$before\", after \"$(items_of "Thục Cầu")\""
	expect_checklist "Thục Cầu" '[i["title"] for i in d["items"][10:]]' '["Ăn uống", "An ninh", "Ba", "Bà"]'
	# the command line sorts the same way
	ntm_ok checklist "Thục Cầu" --sort title --format json
	python3 - "$OUT" <<'EOF' >"$T/sort.check" 2>&1 || fail "ntm checklist --sort title: $(cat "$T/sort.check")"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
t = [i["title"] for i in d["items"]]
assert t[:4] == ["An ninh", "Ăn uống", "Ba", "Bà"], t
EOF
	# s again: not-done first (everything is not done: the stored order),
	# then back to the stored order
	keys s
	wait_for "thứ tự: chưa xong trước" || return
	keys s
	wait_for "thứ tự: như đã xếp" || return
	wait_order "Đảm bảo an ninh, trật tự" "Ăn uống" "An ninh" "Ba" "Bà" || return
	[ "$(items_of "Thục Cầu")" = "$before" ] ||
		fail "cycling the view's order must not change ord"
}

# ---- 7. a village added, completed from the template, deleted, undone --------

case_village_add_template_delete() {
	to_village "thuc cau" || return
	keys Escape
	wait_for "Thục Cầu: 0/10 · thứ tự" || return
	keys A
	wait_for "┌─Thêm thôn" || return
	literal "Đình Dù"
	wait_for "Tên thôn  Đình Dù" || return
	keys Enter
	wait_gone "┌─Thêm thôn" || return
	wait_village "Đình Dù" "0/10" || return
	# Vietnamese order: Cự Đình, Đình Dù, Thục Cầu
	local a b c
	a=$(village_lineno "Cự Đình")
	b=$(village_lineno "Đình Dù")
	c=$(village_lineno "Thục Cầu")
	[ -n "$a" ] && [ -n "$b" ] && [ -n "$c" ] && [ "$a" -lt "$b" ] && [ "$b" -lt "$c" ] ||
		fail_screen "the villages should be listed Cự Đình, Đình Dù, Thục Cầu (lines $a, $b, $c)"
	expect_db "SELECT count(*) FROM checklist_item c JOIN unit u ON u.id = c.unit_id
		   WHERE u.name = 'Đình Dù' AND u.level = 'thon' AND c.template_id IS NOT NULL" 10
	# T: nothing missing
	select_row "Đình Dù" k || return
	keys T
	wait_for "Thôn Đình Dù đã có đủ các việc theo mẫu." || return
	# an item removed elsewhere (the command line): the tab sees it, and T
	# puts it back
	ntm_ok checklist "Đình Dù" --remove 3 || return
	wait_village "Đình Dù" "0/9" 6 || return
	keys T
	wait_for "Đã thêm 1 việc theo mẫu cho thôn Đình Dù." || return
	wait_village "Đình Dù" "0/10" || return
	expect_db "$(iq "Đình Dù" "$TPL3" "count(*)")" 1
	# D asks, naming the number of items; n keeps it
	keys D
	wait_for "Xóa thôn Đình Dù cùng 10 việc" || return
	keys n
	wait_for "Không xóa." || return
	expect_db "SELECT count(*) FROM unit WHERE name = 'Đình Dù'" 1
	# D, y deletes it
	keys D
	wait_for "Xóa thôn Đình Dù cùng 10 việc" || return
	keys y
	wait_gone "Xóa thôn Đình Dù" || return
	poll "" _lacks "Đình Dù" || fail_screen "after D y the village Đình Dù should be gone"
	expect_db "SELECT count(*) FROM unit WHERE name = 'Đình Dù'" 0
	expect_db "SELECT count(*) FROM checklist_item c LEFT JOIN unit u ON u.id = c.unit_id WHERE u.id IS NULL" 0
	expect_db "SELECT count(*) FROM checklist_item" 20
	# u: back with its ten items
	keys u
	wait_for "Đã hoàn tác" || return
	wait_village "Đình Dù" "0/10" || return
	expect_db "SELECT count(*) FROM checklist_item c JOIN unit u ON u.id = c.unit_id WHERE u.name = 'Đình Dù'" 10
	ntm_ok village
	grep -Fxq "Đình Dù" "$OUT" || fail "\`ntm village\` should list Đình Dù after the undo: $(tr '\n' '|' <"$OUT")"
}

# ---- 8. without UTF-8 ------------------------------------------------------------

case_ascii_screen() {
	to_village "thuc cau" LANG=C LC_ALL=C || return
	wait_for "Thon - danh muc" || return
	wait_village "Thuc Cau" "0/10" || return
	wait_selected "Thuc Cau" || return
	wait_item_selected "[ ] Duong giao thong trong thon" || return
	keys Space
	wait_item_selected "[x] Duong giao thong trong thon" || return
	wait_village "Thuc Cau" "1/10" || return
	expect_screen "Xong ngay $(date +%d/%m/%Y)"
	expect_db "$(iq "Thục Cầu" "$TPL1" "c.done")" 1
	screen | LC_ALL=C grep -q '[^ -~]' &&
		fail_screen "without UTF-8 the screen should be plain ASCII"
	keys m
	wait_for "Bang thon" || return
	wait_for "Thuc Cau - Duong giao thong trong thon: xong" || return
	[ "$(matrix_cells "Thuc Cau")" = "x . . . . . . . . ." ] ||
		fail_screen "the ASCII matrix row of Thuc Cau should be \"x . . . . . . . . .\", it is \"$(matrix_cells "Thuc Cau")\""
	[ "$(matrix_cells "Cu Dinh")" = ". . . . . . . . . ." ] ||
		fail_screen "the ASCII matrix row of Cu Dinh should be all \".\", it is \"$(matrix_cells "Cu Dinh")\""
	screen | grep -F " Thuc Cau " | grep -Eq ' 10%$' ||
		fail_screen "the ASCII matrix row of Thuc Cau should end with 10%"
	screen | LC_ALL=C grep -q '[^ -~]' &&
		fail_screen "without UTF-8 the matrix should be plain ASCII"
	# no character replaced by "?" in the matrix's title (× has an ASCII form)
	screen | sed -n 2p | grep -Fq '?' &&
		fail_screen "without UTF-8 the matrix's title shows \"?\" for a character: \"$(screen | sed -n 2p)\" (× should become x)"
	keys m
	wait_for "Thon - danh muc" || return
	expect_alive
}

# ---- issue 9, point 2: undo says what it undid and goes there ---------------

case_undo_says_what_and_goes_there() {
	local want="Sân chơi trẻ em"
	to_village "cu dinh" || return
	wait_item_selected "$TPL1" || return
	keys a
	wait_for "Thêm việc — thôn Cự Đình" || return
	literal "$want"
	keys Enter
	wait_gone "Thêm việc — thôn" || return
	expect_db "SELECT count(*) FROM checklist_item WHERE title = '$want'" 1
	goto "lao dong" || return
	wait_for "12.2" || return
	keys u
	wait_for "Đã hoàn tác: thêm mục “$want” ở thôn Cự Đình" || return
	expect_db "SELECT count(*) FROM checklist_item WHERE title = '$want'" 0
	# on tab Thôn, Cự Đình selected
	poll "" _villages_tab || { fail_screen "the undo did not go to tab Thôn"; return 1; }
	poll "" _village_has "▸" "Cự Đình" ||
		fail_screen "after the undo, tab Thôn should show Cự Đình selected"
	# redo says so too, and the item is back
	goto "lao dong" || return
	keys C-r
	wait_for "Đã làm lại: thêm mục “$want” ở thôn Cự Đình" || return
	expect_db "SELECT count(*) FROM checklist_item WHERE title = '$want'" 1
}

# Issue 9, point 11: work finished earlier is dated when it was done.
case_done_on_a_past_day() {
	to_village "thuc cau" || return
	wait_item_selected "$TPL1" || return
	keys x
	wait_for "Xong vào ngày — “$TPL1”, thôn Thục Cầu" || return
	wait_for "Xong ngày" || return
	keys C-u
	literal "15/3/2024"
	keys Enter
	wait_gone "Xong vào ngày —" || return
	wait_for "Đã đánh dấu xong ngày 15/3/2024." || return
	expect_db "$(iq "Thục Cầu" "$TPL1" "c.done, c.done_on")" "1|2024-03-15"
	wait_village "Thục Cầu" "1/10" || return
	# a day in the future is refused in the form, nothing written
	keys j x
	wait_for "Xong vào ngày — “$TPL2”" || return
	keys C-u
	literal "31/12/2099"
	keys Enter
	wait_for "ở tương lai" || return
	expect_screen "Xong vào ngày — “$TPL2”"
	expect_db "$(iq "Thục Cầu" "$TPL2" "c.done")" "0"
	keys Escape
}

# / in a village's checklist searches its items (found by a new user: it
# searched the village names only).
case_search_items() {
	to_village "cu dinh" || return
	wait_item_selected "$TPL1" || return
	keys /
	wait_for "Tìm" || return
	literal "nha van hoa"
	keys Enter
	wait_item_selected "$TPL3" || return
	keys n
	wait_item_selected "Trang thiết bị nhà văn hóa" || return
	keys N
	wait_item_selected "$TPL3" || return
	keys /
	literal "khong co dau"
	keys Enter
	wait_for "Không thấy “khong co dau”" || return
	poll "" _villages_tab || fail_screen "the search left tab Thôn"
}
