/* arena — a region allocator: lists and reports the store hands out live in
 * one arena and are freed together. Aborts on out-of-memory. */
#ifndef NTM_ARENA_H
#define NTM_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
};

void *arena_alloc(struct arena *a, size_t size);      /* zeroed */
char *arena_strdup(struct arena *a, const char *s);   /* NULL stays NULL */
/* Returns room for `want` elements of `size`, copying the `have` that
 * *items already holds when it must grow (doubling). */
void *arena_grow(struct arena *a, void *items, size_t have, size_t *cap,
		 size_t size);
void arena_free(struct arena *a);

#endif
