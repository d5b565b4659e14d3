/* A sync file as data: what `ntm sync export` writes and `ntm sync apply`
 * reads, shared by the store (which makes and merges the records) and io
 * (which frames them in a file with a SHA-256 over every byte). The
 * design is in doc/sync.md. */
#ifndef NTM_SYNCDOC_H
#define NTM_SYNCDOC_H

#include <stdbool.h>
#include <stddef.h>

/* The version of the sync file format (its own, not the schema's): 2 adds
 * the snapshot of an --all file; a file without one is still written as
 * format 1, which every earlier ntm reads. */
#define NTM_SYNC_FORMAT 2
/* 32 hex digits and a NUL, like every id of the store. */
#define NTM_SYNC_ID_LEN 33

/* One replica and a sequence number of its changes. */
struct ntm_sync_seq {
	char replica[NTM_SYNC_ID_LEN];
	long long seq;
};

/* The changes of one origin a file carries: seq from+1 … to. */
struct ntm_sync_range {
	char origin[NTM_SYNC_ID_LEN];
	long long from, to;
};

struct ntm_sync_header {
	int format;                       /* NTM_SYNC_FORMAT when written */
	int schema;                       /* the sender's schema version */
	char replica[NTM_SYNC_ID_LEN];    /* the sender */
	char commune_id[NTM_SYNC_ID_LEN];
	const char *commune;              /* its name, one line */
	const char *created_at;           /* UTC, "2026-12-06T14:00:00Z" */
	bool all;                         /* --all: every change from 1 */
	struct ntm_sync_range *ranges;
	int nranges;
	/* What the sender has seen of every origin when it wrote the file
	 * (its own changes included): the receiver learns from it what not
	 * to send back. */
	struct ntm_sync_seq *seen;
	int nseen;
	long long nrecords;
	/* --all (format 2): the commune as it stands, for a file that does
	 * not have it yet (the level above): JSON {"shared": [[entity, id,
	 * key, image], …], "rows": [[entity, id, dots, image], …], "audit":
	 * [audit row, …]} (doc/district.md). NULL: none. */
	const char *snapshot;
	size_t snapshot_len;
};

/* One user action of one replica, as it travels. */
struct ntm_sync_record {
	char origin[NTM_SYNC_ID_LEN];
	long long seq;
	/* JSON object: action_id, verb, at, os_user, person, the vector of
	 * the origin when it made the change ("seen": {replica: seq}), and
	 * "extra": rows declared deleted without a data change
	 * ([[entity, id], …]; a settled conflict). */
	const char *meta;
	size_t meta_len;
	/* The changeset the SQLite session extension recorded. */
	const unsigned char *changes;
	size_t changes_len;
	/* JSON array of the action's audit rows (objects with the audit
	 * table's columns; seq is the origin's own). */
	const char *audit;
	size_t audit_len;
};

#endif
