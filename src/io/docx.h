/* docx — the pieces the DOCX report writer (reportdocx.c) builds its Office
 * Open XML from (docxxml.c): a growable buffer, text escaped for XML 1.0
 * with every character XML cannot hold dropped, Vietnamese capitals and
 * the date line of an administrative document. Private to src/io. */
#ifndef NTM_IO_DOCX_H
#define NTM_IO_DOCX_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A growable string; on out of memory it keeps what it had and sets oom,
 * and every later append does nothing. */
struct xb {
	char *p;
	size_t len, cap;
	bool oom;
};

void xb_raw(struct xb *b, const char *s);
void xb_rawf(struct xb *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void xb_vrawf(struct xb *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* s escaped for XML 1.0: & < > " as entities; C0 controls (but tab and
 * newline), DEL and C1 controls, U+FFFE/U+FFFF dropped; invalid UTF-8
 * and bidirectional controls as U+FFFD; CR dropped. With runs (inside an
 * open <w:t xml:space="preserve">), a newline closes the text, writes
 * <w:br/> and opens the text again, and a tab writes <w:tab/>. NULL is
 * empty. */
void xb_text(struct xb *b, const char *s, bool runs);
/* Takes the buffer away (malloc'd, NUL-terminated; NULL after oom) and
 * resets b. */
char *xb_take(struct xb *b, size_t *len);

/* s in capitals, marks kept ("Việt Hưng" → "VIỆT HƯNG"); invalid bytes as
 * U+FFFD. Newly allocated, NULL on no memory. */
char *docx_upper(const char *s);

/* The place and date line of an administrative document: "Việt Hưng, ngày
 * 05 tháng 02 năm 2024" (a day below 10 and the months 1 and 2 with a
 * leading 0) from an ISO date; a date that is not one leaves the numbers
 * blank for the officer to fill in. */
void docx_date_line(const char *place, const char *iso, char *buf,
		    size_t size);

/* ---- the package ---------------------------------------------------------- */

#define DOCX_XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define DOCX_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define DOCX_NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
/* Relationship ids of word/_rels/document.xml.rels the document names:
 * the page-number header (pages 2 on) and the empty first-page header. */
#define DOCX_RID_HEADER "rIdHeader"
#define DOCX_RID_FIRST  "rIdFirst"

/* The core properties (docProps/core.xml); each may be NULL. */
struct docx_meta {
	const char *title, *author;
	const char *date;       /* ISO date, written when it is one */
};

/* Writes to f the .docx package around word/document.xml (len bytes):
 * [Content_Types].xml first, the relationships, styles.xml (Times New
 * Roman 14 pt, the paragraph and table styles document.xml uses),
 * settings.xml, the headers, docProps; zipped in memory with libzip. */
struct ntm_error;
int docx_package(FILE *f, const char *document, size_t len,
		 const struct docx_meta *meta, struct ntm_error *e);

#endif
