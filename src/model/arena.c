/* Region allocator: big blocks, bump allocation, freed all at once. */
#include "ntm/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	max_align_t data[];
};

enum { BLOCK_SIZE = 16384 };

static void *
xmalloc(size_t n)
{
	void *p = calloc(1, n);
	if (!p) {
		fputs("ntm: không đủ bộ nhớ\n", stderr);
		abort();
	}
	return p;
}

void *
arena_alloc(struct arena *a, size_t size)
{
	const size_t align = sizeof(max_align_t);
	size = (size + align - 1) / align * align;
	struct arena_block *b = a->head;

	if (!b || b->size - b->used < size) {
		size_t cap = size > BLOCK_SIZE ? size : BLOCK_SIZE;
		b = xmalloc(sizeof *b + cap);
		b->size = cap;
		b->next = a->head;
		a->head = b;
	}
	void *p = (char *)b->data + b->used;
	b->used += size;
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	return memcpy(arena_alloc(a, n), s, n);
}

void *
arena_grow(struct arena *a, void *items, size_t have, size_t *cap, size_t size)
{
	if (have < *cap)
		return items;
	*cap = *cap ? *cap * 2 : 16;
	void *p = arena_alloc(a, *cap * size);
	if (have)
		memcpy(p, items, have * size);
	return p;
}

void
arena_free(struct arena *a)
{
	while (a->head) {
		struct arena_block *next = a->head->next;
		free(a->head);
		a->head = next;
	}
}
