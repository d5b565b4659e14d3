/* Telex and VNI, Unikey-like: one word is kept as the raw keys typed and
 * replayed from the start on every render. Replaying builds a list of
 * letters (base letter, shape mark, case) and one tone for the whole word;
 * the tone is placed only when the word is written out, by the spelling
 * rules, so a tone key may come anywhere after the vowel. */
#include "ntm/telex.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Keys replayed as one word. A longer run of word keys (never a real word)
 * is rendered in independent chunks of this many keys: bounded work and
 * memory, and the chunks already written do not change as keys follow. */
#define WORD_MAX 64

enum mark { MARK_NONE, MARK_HAT, MARK_BREVE, MARK_HORN, MARK_BAR };

/* Tones in key order: Telex s f r x j, VNI 1 2 3 4 5. */
enum tone { TONE_NONE, TONE_SAC, TONE_HUYEN, TONE_HOI, TONE_NGA, TONE_NANG };

/* What a key does besides being a letter. */
enum action {
	ACT_LETTER,     /* only a letter */
	ACT_TONE,       /* sets a tone (arg: the tone) */
	ACT_UNTONE,     /* removes the tone */
	ACT_HAT,        /* circumflex (arg: the vowel, 0 = any of a e o) */
	ACT_W,          /* Telex w: breve on a, horn on o and u, lone w → ư */
	ACT_HORN,       /* VNI 7: horn on o and u */
	ACT_BREVE,      /* VNI 8: breve on a */
	ACT_BAR,        /* đ */
};

struct letter {
	unsigned char ch;     /* lower-case ASCII letter, or any other byte */
	unsigned char mark;   /* enum mark */
	bool upper;
	bool lone;            /* ư made by a lone w */
};

struct word {
	const struct telex_options *o;
	struct letter l[WORD_MAX];
	size_t n;
	int tone;             /* enum tone */
	uint64_t escaped;     /* keys undone by repeating them: now letters */
};

/* The vowel cluster that takes marks: letters s..e (e inclusive). */
struct cluster {
	size_t s, e;
};

/* Precomposed lower-case vowels, [vowel][tone], vowels in the order of
 * vowel_index(); all NFC. Capitals come from utf8proc_toupper. */
static const char *const VOWEL[12][6] = {
	{"a", "á", "à", "ả", "ã", "ạ"}, {"ă", "ắ", "ằ", "ẳ", "ẵ", "ặ"},
	{"â", "ấ", "ầ", "ẩ", "ẫ", "ậ"}, {"e", "é", "è", "ẻ", "ẽ", "ẹ"},
	{"ê", "ế", "ề", "ể", "ễ", "ệ"}, {"i", "í", "ì", "ỉ", "ĩ", "ị"},
	{"o", "ó", "ò", "ỏ", "õ", "ọ"}, {"ô", "ố", "ồ", "ổ", "ỗ", "ộ"},
	{"ơ", "ớ", "ờ", "ở", "ỡ", "ợ"}, {"u", "ú", "ù", "ủ", "ũ", "ụ"},
	{"ư", "ứ", "ừ", "ử", "ữ", "ự"}, {"y", "ý", "ỳ", "ỷ", "ỹ", "ỵ"},
};

/* Final consonants after which a mark may still be added to the vowel. */
static const char *const FINALS[] = {
	"", "c", "ch", "m", "n", "ng", "nh", "p", "t",
};

/* ---- characters ------------------------------------------------------------ */

static bool
is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static unsigned char
to_lower(unsigned char c)
{
	return is_upper(c) ? (unsigned char)(c - 'A' + 'a') : c;
}

static bool
is_vowel(const struct letter *l)
{
	return l->ch != 0 && strchr("aeiouy", l->ch) != NULL;
}

/* Row of VOWEL for a vowel letter with its mark, or -1. */
static int
vowel_index(const struct letter *l)
{
	switch (l->ch) {
	case 'a':
		return l->mark == MARK_BREVE ? 1 : l->mark == MARK_HAT ? 2 : 0;
	case 'e':
		return l->mark == MARK_HAT ? 4 : 3;
	case 'i':
		return 5;
	case 'o':
		return l->mark == MARK_HAT ? 7 : l->mark == MARK_HORN ? 8 : 6;
	case 'u':
		return l->mark == MARK_HORN ? 10 : 9;
	case 'y':
		return 11;
	default:
		return -1;
	}
}

/* Bit of a key in word.escaped, 0 for keys that never modify. */
static uint64_t
key_bit(unsigned char k)
{
	if (k >= 'a' && k <= 'z')
		return (uint64_t)1 << (k - 'a');
	if (k >= '0' && k <= '9')
		return (uint64_t)1 << (26 + k - '0');
	return 0;
}

/* ---- keys ------------------------------------------------------------------ */

/* What the keys of each method do; arg is the tone, or for ACT_HAT the
 * vowel it goes on (0: any of a e o). Other keys are only letters. */
struct key_action {
	char key;
	unsigned char action;   /* enum action */
	int arg;
};

static const struct key_action TELEX_KEYS[] = {
	{'s', ACT_TONE, TONE_SAC}, {'f', ACT_TONE, TONE_HUYEN},
	{'r', ACT_TONE, TONE_HOI}, {'x', ACT_TONE, TONE_NGA},
	{'j', ACT_TONE, TONE_NANG}, {'z', ACT_UNTONE, 0},
	{'a', ACT_HAT, 'a'}, {'e', ACT_HAT, 'e'}, {'o', ACT_HAT, 'o'},
	{'w', ACT_W, 0}, {'d', ACT_BAR, 0},
};

static const struct key_action VNI_KEYS[] = {
	{'1', ACT_TONE, TONE_SAC}, {'2', ACT_TONE, TONE_HUYEN},
	{'3', ACT_TONE, TONE_HOI}, {'4', ACT_TONE, TONE_NGA},
	{'5', ACT_TONE, TONE_NANG}, {'0', ACT_UNTONE, 0},
	{'6', ACT_HAT, 0}, {'7', ACT_HORN, 0}, {'8', ACT_BREVE, 0},
	{'9', ACT_BAR, 0},
};

/* The action of a lower-case key for the word's method. */
static enum action
key_action(const struct telex_options *o, unsigned char k, int *arg)
{
	bool vni = o->method == TELEX_VNI;
	const struct key_action *t = vni ? VNI_KEYS : TELEX_KEYS;
	size_t n = vni ? sizeof VNI_KEYS / sizeof *VNI_KEYS
		       : sizeof TELEX_KEYS / sizeof *TELEX_KEYS;

	for (size_t i = 0; i < n; i++)
		if ((unsigned char)t[i].key == k) {
			*arg = t[i].arg;
			return (enum action)t[i].action;
		}
	return ACT_LETTER;
}

/* ---- the word -------------------------------------------------------------- */

/* The last run of vowels, less the u of qu and the i of gi when another
 * vowel follows them (they belong to the consonant). */
static bool
word_cluster(const struct word *w, struct cluster *c)
{
	size_t i = w->n;

	while (i > 0 && !is_vowel(&w->l[i - 1]))
		i--;
	if (i == 0)
		return false;
	c->e = i - 1;
	while (i > 1 && is_vowel(&w->l[i - 2]))
		i--;
	c->s = i - 1;
	if (c->e > c->s && c->s > 0) {
		unsigned char p = w->l[c->s - 1].ch, v = w->l[c->s].ch;
		if ((p == 'q' && v == 'u') || (p == 'g' && v == 'i'))
			c->s++;
	}
	return true;
}

/* True when what follows the cluster is nothing or a final consonant. */
static bool
word_final_ok(const struct word *w, const struct cluster *c)
{
	char tail[4];
	size_t n = w->n - c->e - 1;

	if (n >= sizeof tail)
		return false;
	for (size_t i = 0; i < n; i++) {
		const struct letter *l = &w->l[c->e + 1 + i];
		if (l->mark != MARK_NONE)
			return false;
		tail[i] = (char)l->ch;
	}
	tail[n] = '\0';
	for (size_t i = 0; i < sizeof FINALS / sizeof *FINALS; i++)
		if (strcmp(tail, FINALS[i]) == 0)
			return true;
	return false;
}

/* The cluster marks may go to, if any. */
static bool
word_markable(const struct word *w, struct cluster *c)
{
	return word_cluster(w, c) && word_final_ok(w, c);
}

/* uơ followed by a final consonant or i, u is ươ: huow + ng → hương. */
static void
word_fix_uo(struct word *w, unsigned char next)
{
	size_t n = w->n;

	if (n < 2 || next == 0 || !strchr("cmnptiu", next))
		return;
	struct letter *u = &w->l[n - 2];
	const struct letter *o = &w->l[n - 1];
	if (u->ch == 'u' && u->mark == MARK_NONE && o->ch == 'o' &&
	    o->mark == MARK_HORN && (n < 3 || w->l[n - 3].ch != 'q'))
		u->mark = MARK_HORN;
}

/* Appends a key as a plain letter (dropped when the word is full, which
 * the chunking in telex_render prevents). */
static void
word_append(struct word *w, unsigned char key)
{
	if (w->n >= WORD_MAX)
		return;
	word_fix_uo(w, to_lower(key));
	w->l[w->n++] = (struct letter){
		.ch = to_lower(key), .mark = MARK_NONE, .upper = is_upper(key),
	};
}

/* A key repeated undoes what it did and is typed as a letter; from now on
 * it is only a letter in this word. */
static void
word_undo(struct word *w, unsigned char key)
{
	w->escaped |= key_bit(to_lower(key));
	word_append(w, key);
}

/* ---- what each key does ------------------------------------------------------ */

static bool
apply_tone(struct word *w, unsigned char key, int tone)
{
	struct cluster c;

	if (!word_markable(w, &c))
		return false;
	if (w->tone == tone) {
		w->tone = TONE_NONE;
		word_undo(w, key);
	} else {
		w->tone = tone;
	}
	return true;
}

static bool
apply_untone(struct word *w)
{
	if (w->tone == TONE_NONE)
		return false;
	w->tone = TONE_NONE;
	return true;
}

/* Circumflex on the last a, e or o of the cluster (Telex: the one that
 * matches the key). */
static bool
apply_hat(struct word *w, unsigned char key, int vowel)
{
	struct cluster c;

	if (!word_markable(w, &c))
		return false;
	for (size_t i = c.e + 1; i-- > c.s;) {
		struct letter *l = &w->l[i];
		if (vowel ? l->ch != vowel : !strchr("aeo", l->ch))
			continue;
		if (l->mark == MARK_HAT) {
			l->mark = MARK_NONE;
			word_undo(w, key);
		} else {
			l->mark = MARK_HAT;
		}
		return true;
	}
	return false;
}

/* The u and o of a uo pair in the cluster take the horn together, except
 * a bare uo ending the word (thuở): then only the o. Returns how many
 * targets were found. */
static size_t
uo_targets(const struct word *w, const struct cluster *c, size_t t[2])
{
	for (size_t i = c->s; i < c->e; i++) {
		if (w->l[i].ch != 'u' || w->l[i + 1].ch != 'o')
			continue;
		if (i + 2 == w->n) {
			t[0] = i + 1;
			return 1;
		}
		t[0] = i;
		t[1] = i + 1;
		return 2;
	}
	return 0;
}

/* The letters Telex w (breve) or VNI 7 and 8 mark: a uo pair, else for w
 * the u of ua, else an a, else the first u or o. */
static size_t
horn_targets(const struct word *w, const struct cluster *c, bool a_ok,
	     bool uo_ok, size_t t[2])
{
	size_t n = uo_ok ? uo_targets(w, c, t) : 0;

	if (n > 0)
		return n;
	for (size_t i = c->s; uo_ok && a_ok && i < c->e; i++)
		if (w->l[i].ch == 'u' && w->l[i + 1].ch == 'a') {
			t[0] = i;
			return 1;
		}
	for (size_t i = c->e + 1; a_ok && i-- > c->s;)
		if (w->l[i].ch == 'a') {
			t[0] = i;
			return 1;
		}
	for (size_t i = c->s; uo_ok && i <= c->e; i++)
		if (w->l[i].ch == 'u' || w->l[i].ch == 'o') {
			t[0] = i;
			return 1;
		}
	return 0;
}

static unsigned char
horn_mark(const struct letter *l)
{
	return l->ch == 'a' ? MARK_BREVE : MARK_HORN;
}

/* Undoes a breve or horn: a lone ư turns back into the w it was typed
 * as; otherwise the marks go and the key is typed as a letter. */
static void
undo_horns(struct word *w, unsigned char key, const size_t *t, size_t n)
{
	bool lone = false;

	for (size_t i = 0; i < n; i++) {
		struct letter *l = &w->l[t[i]];
		if (l->lone) {
			l->ch = 'w';
			l->lone = false;
			lone = true;
		}
		l->mark = MARK_NONE;
	}
	if (lone)
		w->escaped |= key_bit('w');
	else
		word_undo(w, key);
}

static bool
apply_horn(struct word *w, unsigned char key, bool a_ok, bool uo_ok)
{
	struct cluster c;
	size_t t[2], n = 0;
	bool done = true;

	if (word_markable(w, &c))
		n = horn_targets(w, &c, a_ok, uo_ok, t);
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++)
		done = done && w->l[t[i]].mark == horn_mark(&w->l[t[i]]);
	if (done) {
		undo_horns(w, key, t, n);
		return true;
	}
	for (size_t i = 0; i < n; i++)
		w->l[t[i]].mark = horn_mark(&w->l[t[i]]);
	return true;
}

/* Telex w: a mark if there is a vowel to take it, else a lone w → ư
 * while the word has no vowel yet. */
static bool
apply_w(struct word *w, unsigned char key)
{
	struct cluster c;

	if (apply_horn(w, key, true, true))
		return true;
	if (!w->o->w_alone || word_cluster(w, &c) || w->n >= WORD_MAX)
		return false;
	w->l[w->n++] = (struct letter){
		.ch = 'u', .mark = MARK_HORN, .upper = is_upper(key), .lone = true,
	};
	return true;
}

/* đ: Telex dd at the start of the word, VNI 9 anywhere after that d —
 * and, for abbreviations (HĐND, BCĐ, LĐ-TB&XH), on the last d of a word
 * that has no vowel yet. */
static struct letter *
bar_target(struct word *w)
{
	if (w->n == 0)
		return NULL;
	struct letter *last = &w->l[w->n - 1];
	bool vowels = false;
	for (size_t i = 0; i < w->n; i++)
		vowels |= is_vowel(&w->l[i]);
	if (!vowels && last->ch == 'd')
		return last;
	if (w->l[0].ch != 'd')
		return NULL;
	if (w->o->method == TELEX_TELEX && w->n != 1)
		return NULL;
	return &w->l[0];
}

static bool
apply_bar(struct word *w, unsigned char key)
{
	struct letter *d = bar_target(w);
	if (!d)
		return false;
	if (d->mark == MARK_BAR) {
		d->mark = MARK_NONE;
		word_undo(w, key);
	} else {
		d->mark = MARK_BAR;
	}
	return true;
}

/* Gives one key to the word; returns false when it is only a letter. */
static bool
word_modify(struct word *w, unsigned char key, enum action a, int arg)
{
	switch (a) {
	case ACT_TONE:
		return apply_tone(w, key, arg);
	case ACT_UNTONE:
		return apply_untone(w);
	case ACT_HAT:
		return apply_hat(w, key, arg);
	case ACT_W:
		return apply_w(w, key);
	case ACT_HORN:
		return apply_horn(w, key, false, true);
	case ACT_BREVE:
		return apply_horn(w, key, true, false);
	case ACT_BAR:
		return apply_bar(w, key);
	case ACT_LETTER:
	default:
		return false;
	}
}

static void
word_feed(struct word *w, unsigned char key)
{
	unsigned char k = to_lower(key);
	int arg = 0;
	enum action a = key_action(w->o, k, &arg);

	if (a != ACT_LETTER && (w->escaped & key_bit(k)) == 0 &&
	    word_modify(w, key, a, arg))
		return;
	word_append(w, key);
}

/* ---- writing the word ---------------------------------------------------------- */

static bool
is_pair(const struct word *w, size_t i, const char *pair)
{
	return w->l[i].ch == (unsigned char)pair[0] &&
	       w->l[i + 1].ch == (unsigned char)pair[1];
}

/* Where the tone goes (domain notes, vietnamese.md §5), or w->n for none. */
static size_t
tone_position(const struct word *w)
{
	struct cluster c;

	if (w->tone == TONE_NONE || !word_cluster(w, &c))
		return w->n;
	if (c.s == c.e)
		return c.s;
	for (size_t i = c.e + 1; i-- > c.s;)
		if (w->l[i].mark != MARK_NONE)
			return i;
	if (c.e - c.s >= 2 || c.e + 1 < w->n)
		return c.s + 1;
	if (w->o->style == TELEX_STYLE_NEW &&
	    (is_pair(w, c.s, "oa") || is_pair(w, c.s, "oe") || is_pair(w, c.s, "uy")))
		return c.s + 1;
	return c.s;
}

/* Output with a bound: stops at the first piece that does not fit. */
struct sink {
	char *out;
	size_t n, len;
	bool full;
};

static void
sink_put(struct sink *s, const char *p, size_t len)
{
	if (s->full || s->n == 0 || len >= s->n - s->len) {
		s->full = true;
		return;
	}
	memcpy(s->out + s->len, p, len);
	s->len += len;
	s->out[s->len] = '\0';
}

/* Puts one letter, given in lower case, in its case. */
static void
sink_letter(struct sink *s, const char *p, bool upper)
{
	utf8proc_int32_t c;
	utf8proc_uint8_t buf[4];

	if (!upper) {
		sink_put(s, p, strlen(p));
		return;
	}
	utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &c);
	utf8proc_ssize_t n = utf8proc_encode_char(utf8proc_toupper(c), buf);
	sink_put(s, (const char *)buf, (size_t)n);
}

static void
word_write(const struct word *w, struct sink *s)
{
	size_t at = tone_position(w);

	for (size_t i = 0; i < w->n; i++) {
		const struct letter *l = &w->l[i];
		int v = vowel_index(l);
		char c[2] = {(char)l->ch, 0};
		if (v >= 0)
			sink_letter(s, VOWEL[v][i == at ? w->tone : 0], l->upper);
		else if (l->ch == 'd' && l->mark == MARK_BAR)
			sink_letter(s, "đ", l->upper);
		else if (l->upper)
			sink_letter(s, c, true);
		else
			sink_put(s, c, 1);       /* any byte, even NUL, as typed */
	}
}

static void
render_chunk(const struct telex_options *o, const char *raw, size_t nraw,
	     struct sink *s)
{
	struct word w = {.o = o};

	for (size_t i = 0; i < nraw; i++)
		word_feed(&w, (unsigned char)raw[i]);
	word_write(&w, s);
}

/* ---- public ---------------------------------------------------------------- */

size_t
telex_render(const struct telex_options *o, const char *raw, size_t nraw,
	     char *out, size_t n)
{
	struct sink s = {.out = out, .n = n};
	bool on = o && (o->method == TELEX_TELEX || o->method == TELEX_VNI);

	if (n > 0)
		out[0] = '\0';
	if (!on) {
		sink_put(&s, raw, nraw < n ? nraw : (n > 0 ? n - 1 : 0));
		return s.len;
	}
	for (size_t i = 0; i < nraw && !s.full; i += WORD_MAX) {
		size_t len = nraw - i < WORD_MAX ? nraw - i : WORD_MAX;
		render_chunk(o, raw + i, len, &s);
	}
	return s.len;
}
