/* plandoc — a whole plan as data, between the plan text a person writes
 * (man 5 ntm-plan; read and written by src/io/plantext.c) and the store
 * (store_plan_import, store_plan_read). Plain structures of the model: no
 * I/O, no SQL. Every part remembers the line of the file it came from
 * (0 when it did not come from a file), so the store can refuse an
 * unknown sector or indicator code as "TỆP:12: …". Strings are UTF-8 NFC,
 * owned by the arena the reader or the store was given. */
#ifndef NTM_PLANDOC_H
#define NTM_PLANDOC_H

#include "ntm/model.h"

/* An indicator the plan adds itself ("12.KH1"): it belongs to the plan
 * and to the criterion named by the number before the dot. */
struct ntm_doc_indicator {
	int line;
	const char *code, *name;
	const char *unit_label;      /* "%", "mô hình"; NULL: none */
	enum ntm_kind kind;
	enum ntm_cmp cmp;
};

/* The plan's own target for an indicator of its set or of its own. */
struct ntm_doc_target {
	int line;
	const char *code;
	enum ntm_cmp cmp;
	bool cmp_default;            /* none written: the indicator's own */
	double value;
	int line_value;              /* of the target itself ("Chỉ tiêu:") */
	const char *note;            /* the plan's own wording; NULL: none */
};

struct ntm_doc_task {
	int line;
	int number;                  /* #N within the plan; 0: the next free */
	const char *sector;          /* as written: a code, name or short name */
	const char *title;
	const char *responsible, *due /* YYYY-MM-DD */, *detail, *note; /* NULL: none */
	const char *issue, *proposal; /* vướng mắc, đề xuất; NULL: none */
	enum ntm_task_status status;
	int progress;                /* 0..100 */
	/* Carried over from task #from_number of the earlier plan numbered
	 * from_plan ("Chuyển từ: 32/KH-UBND #5"); NULL and 0: not carried. */
	const char *from_plan;
	int from_number;
	int line_from;
	/* the lines of the keys, so a refusal names the right one (0: the
	 * key was not written; the record's first line is said instead) */
	int line_title, line_responsible, line_due, line_detail, line_note;
	int line_issue, line_proposal;
	int line_state;              /* Trạng thái, else Tiến độ */
};

struct ntm_plan_doc {
	const char *commune;         /* the commune's name; NULL: not said */
	int line_commune;
	const char *number;          /* "32/KH-UBND" */
	int line_number;
	int year;
	const char *issued_on;       /* YYYY-MM-DD; NULL: not known */
	const char *title;
	int line_title;
	const char *signer;          /* NULL: not known */
	int line_signer;
	const char *criteria_set;    /* the set's code ("ntm"); NULL: "ntm" */
	int line_set;
	struct ntm_doc_indicator *own;
	int nown;
	struct ntm_doc_target *targets;
	int ntargets;
	struct ntm_doc_task *tasks;  /* in the order written */
	int ntasks;
};

#endif
