/* criteriadoc — a national criteria set as data, between the criteria
 * text an official writes (man 5 ntm-criteria; read by
 * src/io/criteriatext.c) and the store (store_criteria_import). Plain
 * structures of the model: no I/O, no SQL. Every part remembers the line
 * of the file it came from, so the store can refuse an unknown sector or
 * a set already present as "TỆP:12: …". Strings are UTF-8 NFC, owned by
 * the arena the reader was given. */
#ifndef NTM_CRITERIADOC_H
#define NTM_CRITERIADOC_H

#include "ntm/model.h"

struct ntm_doc_criterion {
	int line;
	int number;                  /* 1..99, once in the set */
	const char *name;
	const char *group;           /* "II. Hạ tầng kinh tế – xã hội"; NULL: none */
	const char *sector;          /* as written: a code, name or short name */
	int line_sector;
};

/* An indicator belongs to the criterion named by the number before the
 * first dot of its code ("12.2" → 12, "5" → 5). */
struct ntm_doc_crit_indicator {
	int line;
	const char *code, *name;
	int criterion;               /* the number its code names */
	enum ntm_kind kind;
	enum ntm_cmp cmp;
	struct ntm_target target;    /* set false: not known (never invented) */
	const char *unit_label;      /* NULL: none */
	const char *source;          /* NULL: the set's legal basis */
};

struct ntm_criteria_doc {
	const char *code;            /* "ntm_nc": ASCII, once in the file */
	int line_code;
	const char *name;
	const char *level;           /* "xa" or "thon" */
	const char *source;          /* the legal basis; NULL: not said */
	struct ntm_doc_criterion *crit;  /* in the order written */
	int ncrit;
	struct ntm_doc_crit_indicator *ind;
	int nind;
};

#endif
