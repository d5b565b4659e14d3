/* The report form: the format (a choice), the date the report is as of,
 * the start of its period (empty: the store's default) and the file it
 * goes to, the line under it naming the folder the name typed is in. The file name is filled in the current folder
 * (io_report_default_name) and follows the format and the date for as
 * long as it is the one filled in; a name of the person's own keeps its
 * stem and takes the new format's extension. Enter loads the report and
 * writes it through the io layer (a temporary file renamed into place),
 * asking first before it replaces a file. Nothing is written to the
 * database: no action, no undo entry. */
#include "forms_report.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "form.h"
#include "ntm/arena.h"
#include "ntm/io.h"
#include "ntm/reportdoc.h"
#include "ntm/text.h"
#include "plans.h"
#include "screen.h"

/* User-visible texts of this file. */
#define TXT_R_TITLE      "Xuất báo cáo — %s, %s"
#define TXT_R_KEYS       "Enter ghi báo cáo · Tab ô sau · Esc hủy (không ghi gì)"
#define TXT_F_FORMAT     "Định dạng"
#define TXT_F_AS_OF      "Tính đến ngày"
#define TXT_F_SINCE      "Từ ngày"
#define TXT_F_FILE       "Tệp"
#define TXT_A_XLSX       "Excel, mỗi phần một trang"
#define TXT_A_DOCX       "Word, thể thức văn bản hành chính"
#define TXT_A_CSV        "bảng chỉ tiêu, mở bằng Excel"
#define TXT_A_MD         "văn bản Markdown"
#define TXT_A_TXT        "văn bản thuần, để xem hoặc in"
#define TXT_A_AS_OF      "ngày/tháng/năm; giá trị ghi đến hết ngày này"
#define TXT_A_SINCE      "đầu kỳ; để trống: 1/1 năm của kế hoạch"
#define TXT_A_FOLDER     "trong thư mục %s"
#define TXT_A_NO_FOLDER  "thư mục %s không có"
#define TXT_A_HOME       "trong thư mục nhà %s"
#define TXT_NO_FILE      "Hãy cho tên tệp để ghi báo cáo."
#define TXT_TOO_LONG     "Đường dẫn tệp quá dài."
#define TXT_EXT_OTHER    "Tên tệp có đuôi .%s nhưng định dạng đã chọn là %s: đổi tên tệp hoặc định dạng."
#define TXT_EXISTS       "Tệp “%s” đã có."
#define TXT_OVERWRITE    "Ghi đè tệp “%s”? y hoặc c: ghi đè; phím khác: thôi"
#define TXT_KEPT         "Chưa ghi: tệp “%s” đã có được giữ nguyên. Đổi tên tệp rồi nhấn Enter."
#define TXT_WRITING      "Đang ghi báo cáo…"
#define TXT_WRITTEN      "Đã ghi báo cáo: %s"

enum { RF_FORMAT, RF_AS_OF, RF_SINCE, RF_FILE, RF_COUNT };

/* The formats in the order offered, xlsx (the default) first, each with
 * what it is for (under the field). */
static const char *const FORMATS[] = {"xlsx", "docx", "csv", "md", "txt"};
static const char *const FORMAT_ASIDES[] = {
	TXT_A_XLSX, TXT_A_DOCX, TXT_A_CSV, TXT_A_MD, TXT_A_TXT,
};
enum { NFORMATS = sizeof FORMATS / sizeof *FORMATS };

struct report_ctx {
	struct app *app;
	char auto_name[PATH_MAX];     /* the name as filled for format and date */
	char why[PATH_MAX + 512];
};

/* ---- the file name ----------------------------------------------------------- */

/* The default name for the format word and the date typed (any form the
 * model reads), in out; false when the date is not (yet) a date. */
static bool
default_name(struct app *a, const char *format, const char *date, char *out,
	     size_t size)
{
	enum io_report_format f;
	struct ntm_date d;
	char iso[11];
	if (!format || !io_report_format_read(format, &f) ||
	    model_parse_date(date ? date : "", &d))
		return false;
	model_format_date(d, iso);
	struct ntm_report_doc doc = {.head = {.commune = a->rep.unit, .as_of = iso}};
	struct arena ar = {0};
	const char *name = io_report_default_name(&doc, f, &ar);
	snprintf(out, size, "%s", name ? name : "");
	arena_free(&ar);
	return name != NULL;
}

/* The extension of a file name's last part ("" when none). */
static const char *
extension(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash + 1 : path, '.');
	return dot && dot[1] ? dot + 1 : "";
}

/* A name of the person's own with a report format's extension takes the
 * new format's ("tong-hop.xlsx" → "tong-hop.md"); others stay. */
static void
swap_extension(struct field *f, const char *format)
{
	char *name = lineedit_commit(&f->le);
	enum io_report_format old;
	if (name && io_report_format_read(extension(name), &old)) {
		char buf[PATH_MAX];
		size_t stem = strlen(name) - strlen(extension(name));
		snprintf(buf, sizeof buf, "%.*s%s", (int)stem, name, format);
		lineedit_set(&f->le, buf);
	}
	free(name);
}

static void folder_aside(struct field *f, const char *typed);

/* The format or the date changed: the name follows while it is the one
 * filled in, and the format's line under it says what it is. The name
 * changed: the line under it says its folder. */
static void
report_changed(struct form *fm, int i, void *ctx)
{
	struct report_ctx *c = ctx;
	if (i == RF_FILE)
		folder_aside(&fm->f[RF_FILE], lineedit_text(&fm->f[RF_FILE].le));
	if (i != RF_FORMAT && i != RF_AS_OF)
		return;
	struct field *ff = &fm->f[RF_FORMAT], *file = &fm->f[RF_FILE];
	const char *format = ff->choices[ff->choice < 0 ? 0 : ff->choice];
	snprintf(ff->aside, sizeof ff->aside, "%s",
		 FORMAT_ASIDES[ff->choice < 0 ? 0 : ff->choice]);
	char *date = form_value(fm, RF_AS_OF), *name = form_value(fm, RF_FILE);
	char fresh[PATH_MAX];
	bool filled = name && strcmp(name, c->auto_name) == 0;
	if (default_name(c->app, format, date, fresh, sizeof fresh)) {
		if (filled)
			lineedit_set(&file->le, fresh);
		else if (i == RF_FORMAT)
			swap_extension(file, format);
		snprintf(c->auto_name, sizeof c->auto_name, "%s", fresh);
	} else if (i == RF_FORMAT) {
		/* no date to name it by (yet): the extension still follows */
		swap_extension(file, format);
		if (filled)
			snprintf(c->auto_name, sizeof c->auto_name, "%s",
				 lineedit_text(&file->le));
	}
	free(date);
	free(name);
	folder_aside(file, lineedit_text(&file->le));
}

/* out = a b c, false when it does not fit. */
static bool
join(char *out, size_t size, const char *a, const char *b, const char *c)
{
	int n = snprintf(out, size, "%s%s%s", a, b, c);
	return n >= 0 && (size_t)n < size;
}

/* The path the report goes to, from the name typed: "~/" is the home
 * folder, a folder gets the default name inside it, a name without an
 * extension gets the format's. NULL when refused (why in c->why). */
static char *
report_path(struct report_ctx *c, const char *typed, const char *format,
	    const char *date)
{
	char given[PATH_MAX], out[PATH_MAX], name[PATH_MAX];
	const char *home = getenv("HOME"), *start = typed + strspn(typed, " \t");
	size_t len = strlen(start);
	while (len && (start[len - 1] == ' ' || start[len - 1] == '\t'))
		len--;
	if (!len) {
		snprintf(c->why, sizeof c->why, "%s", TXT_NO_FILE);
		return NULL;
	}
	snprintf(given, sizeof given, "%.*s", (int)len, start);
	bool fits = true;
	if (given[0] == '~' && given[1] == '/' && home)
		fits = join(out, sizeof out, home, "", given + 1);
	else
		snprintf(out, sizeof out, "%s", given);
	struct stat sb;
	if (fits && stat(out, &sb) == 0 && S_ISDIR(sb.st_mode) &&
	    default_name(c->app, format, date, name, sizeof name)) {
		snprintf(given, sizeof given, "%s", out);
		fits = join(out, sizeof out, given,
			    given[strlen(given) - 1] == '/' ? "" : "/", name);
	}
	const char *ext = extension(out);
	enum io_report_format f;
	if (fits && !*ext) {
		snprintf(given, sizeof given, "%s", out);
		fits = join(out, sizeof out, given, ".", format);
	} else if (io_report_format_read(ext, &f) &&
		   strcasecmp(io_report_format_word(f), format) != 0) {
		snprintf(c->why, sizeof c->why, TXT_EXT_OTHER, ext, format);
		return NULL;
	}
	if (!fits) {
		snprintf(c->why, sizeof c->why, "%s", TXT_TOO_LONG);
		return NULL;
	}
	return strdup(out);
}

/* ---- writing -------------------------------------------------------------------- */

/* "Đang ghi báo cáo…" on the message line, under the form, before the
 * work (a big file takes a moment). */
static void
say_writing(struct app *a)
{
	WINDOW *w = newwin(1, a->cols, a->rows - 2, 0);
	if (!w)
		return;
	draw_text(a, w, 0, 0, TXT_WRITING, a->cols - 1, A_BOLD, true);
	wnoutrefresh(w);
	doupdate();
	delwin(w);
}

/* Writes the report loaded to path; NTM_OK or why in e. */
static int
write_report(struct app *a, enum io_report_format f,
	     const struct ntm_report_doc *doc, const char *path,
	     struct ntm_error *e)
{
	const struct io_report_opts o = {.format = f, .table = IO_TABLE_CRITERIA};
	say_writing(a);
	return io_report_write(doc, &o, path, e);
}

/* An existing file is replaced only when the person says so. */
static bool
may_write(struct app *a, struct form *fm, struct report_ctx *c, const char *path)
{
	struct stat sb;
	char why[PATH_MAX + 64], question[PATH_MAX + 128];
	if (stat(path, &sb) != 0)
		return true;
	snprintf(why, sizeof why, TXT_EXISTS, path);
	snprintf(question, sizeof question, TXT_OVERWRITE, path);
	if (form_ask(a, fm, why, question))
		return true;
	snprintf(c->why, sizeof c->why, TXT_KEPT, path);
	return false;
}

/* "Đã ghi báo cáo: /full/path": on a narrow line the folder is cut, never
 * the file's name. */
static void
say_written(struct app *a, const char *path)
{
	char *full = realpath(path, NULL), msg[PATH_MAX + 64];
	const char *shown = full ? full : path, *slash = strrchr(shown, '/');
	snprintf(msg, sizeof msg, TXT_WRITTEN, shown);
	size_t len = strlen(msg), from = len - strlen(shown);
	int width = a->cols - (app_view_only(a) ? 11 : 1);
	char *fit = slash && len > strlen(shown) && text_width(msg) > width
		? text_fit_span(msg, from, from + (size_t)(slash - shown), width, a->ascii)
		: NULL;
	app_message(a, false, "%s", fit ? fit : msg);
	free(fit);
	free(full);
}

/* The dates typed, read (a date the model cannot read refused here,
 * focused), then the report loaded: the store refuses a date in the
 * future or a start after the end, in its words (dd/mm/yyyy). */
static int
load_report(struct app *a, struct form *fm, char *const v[RF_COUNT],
	    struct arena *ar, struct ntm_report_doc *doc, struct ntm_error *e)
{
	char iso[11], since[11];
	bool has_since = v[RF_SINCE] && v[RF_SINCE][strspn(v[RF_SINCE], " \t")];
	fm->focus = RF_AS_OF;
	if (model_measurement_date(v[RF_AS_OF], NULL, iso, e) != NTM_OK)
		return e->code;
	if (has_since && model_measurement_date(v[RF_SINCE], NULL, since, e) != NTM_OK) {
		fm->focus = RF_SINCE;
		return e->code;
	}
	if (has_since && strcmp(since, iso) > 0)
		fm->focus = RF_SINCE;
	say_writing(a);
	return store_report_doc(a->st, iso, has_since ? since : NULL, ar, doc, e);
}

static const char *
save_report(struct app *a, struct form *fm, void *ctx)
{
	struct report_ctx *c = ctx;
	char *v[RF_COUNT];
	for (int i = 0; i < RF_COUNT; i++)
		v[i] = form_value(fm, i);
	struct ntm_error e = {0};
	enum io_report_format f = IO_REPORT_XLSX;
	io_report_format_read(v[RF_FORMAT], &f);
	struct arena ar = {0};
	struct ntm_report_doc doc;
	char *path = NULL;
	const char *err = c->why;
	int focus = fm->focus;
	if (load_report(a, fm, v, &ar, &doc, &e) != NTM_OK) {
		snprintf(c->why, sizeof c->why, "%s", e.msg);
	} else {
		fm->focus = RF_FILE;
		path = report_path(c, v[RF_FILE] ? v[RF_FILE] : "",
				   io_report_format_word(f), doc.head.as_of);
	}
	if (!path || !may_write(a, fm, c, path)) {
		/* why is in c->why */
	} else if (write_report(a, f, &doc, path, &e) != NTM_OK) {
		snprintf(c->why, sizeof c->why, "%s", e.msg);
		fm->focus = focus;
	} else {
		say_written(a, path);
		err = NULL;
	}
	arena_free(&ar);
	free(path);
	for (int i = 0; i < RF_COUNT; i++)
		free(v[i]);
	return err;
}

/* ---- the form -------------------------------------------------------------------- */

/* The folder of the name typed ("~/" the home folder, a folder itself,
 * else up to its last '/'), made absolute from the current folder; NULL
 * for a plain name (the current folder). */
static char *
typed_folder(const char *typed)
{
	char path[PATH_MAX], *cwd = getcwd(NULL, 0);
	const char *home = getenv("HOME"), *start = typed + strspn(typed, " \t");
	bool tilde = start[0] == '~' && start[1] == '/' && home;
	if (!join(path, sizeof path, tilde ? home : "", "", tilde ? start + 1 : start)) {
		free(cwd);
		return NULL;
	}
	struct stat sb;
	char *slash = strrchr(path, '/');
	if (!(stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) && slash)
		slash[slash == path ? 1 : 0] = '\0';   /* "/a.md": the root */
	else if (!slash)
		path[0] = '\0';
	char full[PATH_MAX];
	bool ok = path[0] == '/' ? join(full, sizeof full, path, "", "")
		: path[0] && cwd && join(full, sizeof full, cwd, "/", path);
	free(cwd);
	for (size_t n = ok ? strlen(full) : 0; n > 1 && full[n - 1] == '/'; n--)
		full[n - 1] = '\0';
	return ok ? strdup(full) : NULL;
}

/* Under the file name: the folder the name typed goes to, and when that
 * folder is missing, that it is. */
static void
folder_aside(struct field *f, const char *typed)
{
	char *dir = typed_folder(typed);
	if (!dir)
		dir = getcwd(NULL, 0);
	const char *home = getenv("HOME");
	struct stat sb;
	bool missing = dir && (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode));
	bool at_home = dir && home && strcmp(dir, home) == 0;
	if (dir)
		snprintf(f->aside, sizeof f->aside,
			 missing ? TXT_A_NO_FOLDER : at_home ? TXT_A_HOME : TXT_A_FOLDER,
			 dir);
	free(dir);
}

/* The format a draft chose (its index), xlsx when none. */
static int
format_of(const struct draft *d)
{
	for (int i = 0; d && d->n > RF_FORMAT && d->values[RF_FORMAT] && i < NFORMATS; i++)
		if (strcmp(d->values[RF_FORMAT], FORMATS[i]) == 0)
			return i;
	return 0;
}

void
form_report(struct app *a, const struct draft *d)
{
	struct report_ctx c = {.app = a};
	struct form fm;
	char title[512], xa[256], plan[128], iso[11], today[11];
	store_today(iso);
	model_date_dmy(iso, today);
	plans_shown_name(a, 60, plan, sizeof plan);
	snprintf(title, sizeof title, TXT_R_TITLE,
		 model_commune_phrase(a->rep.unit ? a->rep.unit : "", xa, sizeof xa),
		 plan);
	/* the name a draft holds follows its format and date if it was the
	 * one filled in for them */
	int format = format_of(d);
	const char *date = d && d->n > RF_AS_OF && d->values[RF_AS_OF]
		? d->values[RF_AS_OF] : today;
	if (!default_name(a, FORMATS[format], date, c.auto_name, sizeof c.auto_name))
		default_name(a, FORMATS[format], today, c.auto_name, sizeof c.auto_name);
	form_init(&fm, title);
	struct field *f = form_choice(&fm, TXT_F_FORMAT, FORMATS, NFORMATS, 0);
	snprintf(f->aside, sizeof f->aside, "%s", FORMAT_ASIDES[format]);
	f = form_text(&fm, TXT_F_AS_OF, today, 20);
	snprintf(f->aside, sizeof f->aside, "%s", TXT_A_AS_OF);
	f = form_text(&fm, TXT_F_SINCE, "", 20);
	snprintf(f->aside, sizeof f->aside, "%s", TXT_A_SINCE);
	f = form_text(&fm, TXT_F_FILE, c.auto_name, PATH_MAX - 1);
	folder_aside(f, d && d->n > RF_FILE && d->values[RF_FILE]
		     ? d->values[RF_FILE] : c.auto_name);
	fm.keys = TXT_R_KEYS;
	fm.save = save_report;
	fm.changed = report_changed;
	fm.ctx = &c;
	fm.kind = "report";
	form_run(a, &fm, d);
	form_free(&fm);
}

bool
forms_report_reopen(struct app *a, const struct draft *d)
{
	if (strcmp(d->kind, "report") != 0)
		return false;
	form_report(a, d);
	return true;
}
