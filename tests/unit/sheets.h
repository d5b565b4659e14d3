/* Sheets for the import tests (test_import.c, test_import_fund.c): built
 * by hand as the readers give them, or read back from the CSV files ntm
 * export writes; an empty commune to import into. */
#ifndef NTM_TEST_SHEETS_H
#define NTM_TEST_SHEETS_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "unit/fixture.h"

/* A sheet of nrows × ncols cells ("" and NULL are empty); a workbook's
 * when name is set. */
static inline struct io_sheet *
sheet(struct arena *a, const char *file, const char *name, int nrows,
      int ncols, const char *const *cells)
{
	struct io_sheet *s = arena_alloc(a, sizeof *s);
	*s = (struct io_sheet){.file = file, .name = name, .xlsx = name != NULL,
			       .nrows = nrows, .ncols = ncols};
	s->cell = arena_alloc(a, sizeof *s->cell * (size_t)(nrows * ncols));
	s->numeric = arena_alloc(a, (size_t)(nrows * ncols));
	s->line = arena_alloc(a, sizeof *s->line * (size_t)nrows);
	for (int i = 0; i < nrows * ncols; i++)
		s->cell[i] = cells[i] && *cells[i] ? arena_strdup(a, cells[i]) : NULL;
	for (int r = 0; r < nrows; r++)
		s->line[r] = r + 1;
	return s;
}

/* Whether one of the listed strings holds `want`. */
static inline bool
listed(const char *const *list, int n, const char *want)
{
	for (int i = 0; i < n; i++)
		if (strstr(list[i], want))
			return true;
	return false;
}

static inline struct store *
empty_store(struct fixture *f, const char *name)
{
	struct ntm_error e = {0};
	char path[160];
	struct store *st;
	struct store_options opt = {.person = "Lê Chi"};
	snprintf(path, sizeof path, "%s/%s", f->dir, name);
	assert_int_equal(store_create(path, true, "Việt Hưng", NULL, &e), NTM_OK);
	assert_int_equal(store_open(&st, path, &opt, &e), NTM_OK);
	assert_int_equal(store_use_commune(st, NULL, &e), NTM_OK);
	return st;
}

/* A CSV file as ntm export writes it (BOM, CRLF, RFC 4180 quotes), read
 * back for the test (the real reader is sheetcsv.c's). */
static inline struct io_sheet *
read_csv(struct arena *a, const char *path)
{
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	static char buf[1 << 20];
	size_t n = fread(buf, 1, sizeof buf - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	const char **cells = NULL;
	size_t have = 0, cap = 0;
	int ncols = 0, col = 0, nrows = 0;
	char *p = buf + 3, field[4096];
	while (*p) {
		size_t k = 0;
		bool quoted = *p == '"';
		for (p += quoted; *p; p++) {
			if (quoted && *p == '"' && p[1] == '"')
				field[k++] = *++p;
			else if (quoted && *p == '"')
				quoted = false;
			else if (!quoted && (*p == ',' || *p == '\r'))
				break;
			else
				field[k++] = *p;
		}
		field[k] = '\0';
		cells = arena_grow(a, cells, have, &cap, sizeof *cells);
		cells[have++] = arena_strdup(a, field);
		col++;
		if (*p == ',') {
			p++;
		} else {
			p += 2;
			ncols = col;
			col = 0;
			nrows++;
		}
	}
	return sheet(a, path, NULL, nrows, ncols, cells);
}

#endif
