/* lazy_xlsx — libxlsxwriter loaded only when an xlsx file is written.
 * Include this instead of <xlsxwriter.h>: after the real header, every
 * library function src/io calls is redirected to a pointer that
 * io_lazy_xlsx() fills with dlopen/dlsym, so `ntm` does not map the
 * library (and libcrypto, libminizip, libz behind it) at start. Call
 * io_lazy_xlsx() at the top of every entry point that writes a workbook;
 * a function called before that is a NULL pointer. A function new to
 * src/io goes into IO_LXW_FUNCS and the list of #defines below (the link
 * fails until it does: the program is not linked with -lxlsxwriter).
 * Private to src/io. */
#ifndef NTM_IO_LAZY_XLSX_H
#define NTM_IO_LAZY_XLSX_H

#include <xlsxwriter.h>

#define IO_LXW_SONAME   "libxlsxwriter.so.4"
#define IO_LXW_PACKAGE  "libxlsxwriter4"

#define IO_LXW_FUNCS(X) \
	X(format_set_align) X(format_set_bg_color) X(format_set_bold) \
	X(format_set_border) X(format_set_font_color) X(format_set_font_name) \
	X(format_set_font_size) X(format_set_indent) X(format_set_italic) \
	X(format_set_num_format) X(format_set_pattern) X(format_set_text_wrap) \
	X(lxw_strerror) X(lxw_workbook_free) \
	X(workbook_add_format) X(workbook_add_worksheet) X(workbook_close) \
	X(workbook_new) X(workbook_new_opt) X(workbook_set_properties) \
	X(workbook_validate_sheet_name) \
	X(worksheet_autofilter) X(worksheet_fit_to_pages) \
	X(worksheet_freeze_panes) X(worksheet_merge_range) \
	X(worksheet_repeat_rows) X(worksheet_set_column) \
	X(worksheet_set_landscape) X(worksheet_set_margins) \
	X(worksheet_set_paper) X(worksheet_set_row) X(worksheet_write_blank) \
	X(worksheet_write_datetime) X(worksheet_write_number) \
	X(worksheet_write_string)

#ifndef IO_LAZY_MEMBER
#define IO_LAZY_MEMBER(name) __typeof__(&name) name;
#endif
struct io_lxw_api {
	IO_LXW_FUNCS(IO_LAZY_MEMBER)
};
extern struct io_lxw_api io_lxw;

struct ntm_error;
/* Loads libxlsxwriter once per process; NTM_OK, or NTM_FAIL and e says in
 * Vietnamese which Debian package is missing (or that this build has no
 * xlsx). */
int io_lazy_xlsx(struct ntm_error *e);

#ifndef IO_LAZY_IMPL
#define format_set_align               (io_lxw.format_set_align)
#define format_set_bg_color            (io_lxw.format_set_bg_color)
#define format_set_bold                (io_lxw.format_set_bold)
#define format_set_border              (io_lxw.format_set_border)
#define format_set_font_color          (io_lxw.format_set_font_color)
#define format_set_font_name           (io_lxw.format_set_font_name)
#define format_set_font_size           (io_lxw.format_set_font_size)
#define format_set_indent              (io_lxw.format_set_indent)
#define format_set_italic              (io_lxw.format_set_italic)
#define format_set_num_format          (io_lxw.format_set_num_format)
#define format_set_pattern             (io_lxw.format_set_pattern)
#define format_set_text_wrap           (io_lxw.format_set_text_wrap)
#define lxw_strerror                   (io_lxw.lxw_strerror)
#define lxw_workbook_free              (io_lxw.lxw_workbook_free)
#define workbook_add_format            (io_lxw.workbook_add_format)
#define workbook_add_worksheet         (io_lxw.workbook_add_worksheet)
#define workbook_close                 (io_lxw.workbook_close)
#define workbook_new                   (io_lxw.workbook_new)
#define workbook_new_opt               (io_lxw.workbook_new_opt)
#define workbook_set_properties        (io_lxw.workbook_set_properties)
#define workbook_validate_sheet_name   (io_lxw.workbook_validate_sheet_name)
#define worksheet_autofilter           (io_lxw.worksheet_autofilter)
#define worksheet_fit_to_pages         (io_lxw.worksheet_fit_to_pages)
#define worksheet_freeze_panes         (io_lxw.worksheet_freeze_panes)
#define worksheet_merge_range          (io_lxw.worksheet_merge_range)
#define worksheet_repeat_rows          (io_lxw.worksheet_repeat_rows)
#define worksheet_set_column           (io_lxw.worksheet_set_column)
#define worksheet_set_landscape        (io_lxw.worksheet_set_landscape)
#define worksheet_set_margins          (io_lxw.worksheet_set_margins)
#define worksheet_set_paper            (io_lxw.worksheet_set_paper)
#define worksheet_set_row              (io_lxw.worksheet_set_row)
#define worksheet_write_blank          (io_lxw.worksheet_write_blank)
#define worksheet_write_datetime       (io_lxw.worksheet_write_datetime)
#define worksheet_write_number         (io_lxw.worksheet_write_number)
#define worksheet_write_string         (io_lxw.worksheet_write_string)
#endif

#endif
