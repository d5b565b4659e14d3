/* The XML text of the DOCX report: a growable buffer, escaping that keeps
 * the XML well-formed whatever a database string holds, Vietnamese
 * capitals and the administrative date line. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#include "lazy_zip.h"

#include "docx.h"
#include "msg.h"
#include "ntm/error.h"
#include "ntm/model.h"
#include "ntm/text.h"

static bool
xb_reserve(struct xb *b, size_t more)
{
	if (b->oom)
		return false;
	if (b->len + more + 1 <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < b->len + more + 1)
		cap *= 2;
	char *p = realloc(b->p, cap);
	if (!p) {
		b->oom = true;
		return false;
	}
	b->p = p;
	b->cap = cap;
	return true;
}

static void
xb_mem(struct xb *b, const char *s, size_t n)
{
	if (!xb_reserve(b, n))
		return;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
xb_raw(struct xb *b, const char *s)
{
	xb_mem(b, s, strlen(s));
}

void
xb_vrawf(struct xb *b, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	if (n >= 0 && xb_reserve(b, (size_t)n)) {
		vsnprintf(b->p + b->len, (size_t)n + 1, fmt, again);
		b->len += (size_t)n;
	}
	va_end(again);
}

void
xb_rawf(struct xb *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	xb_vrawf(b, fmt, ap);
	va_end(ap);
}

char *
xb_take(struct xb *b, size_t *len)
{
	char *p = b->oom ? NULL : b->p;
	if (b->oom)
		free(b->p);
	if (len)
		*len = p ? b->len : 0;
	*b = (struct xb){0};
	return p;
}

/* Characters XML 1.0 cannot hold, or that a reader should not get: C0
 * controls other than tab and newline, DEL and C1 controls, the
 * non-characters U+FFFE and U+FFFF. (Surrogates never decode.) */
static bool
dropped(utf8proc_int32_t c)
{
	return (c < 0x20 && c != '\t' && c != '\n') ||
	       (c >= 0x7f && c <= 0x9f) || c == 0xfffe || c == 0xffff;
}

static const char *
entity(utf8proc_int32_t c, bool runs)
{
	switch (c) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	case '\n': return runs ? "</w:t><w:br/><w:t xml:space=\"preserve\">" : "\n";
	case '\t': return runs ? "</w:t><w:tab/><w:t xml:space=\"preserve\">" : "\t";
	}
	return NULL;
}

void
xb_text(struct xb *b, const char *s, bool runs)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(s ? s : "");
	size_t len = strlen((const char *)p), i = 0;
	while (i < len) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p + i,
				(utf8proc_ssize_t)(len - i), &c);
		if (n < 1) {
			xb_raw(b, "\xef\xbf\xbd");
			i++;
			continue;
		}
		const char *ent = entity(c, runs);
		if (ent)
			xb_raw(b, ent);
		else if (text_char_bidi(c))
			xb_raw(b, "\xef\xbf\xbd");
		else if (!dropped(c))
			xb_mem(b, (const char *)p + i, (size_t)n);
		i += (size_t)n;
	}
}

char *
docx_upper(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(s ? s : "");
	size_t len = strlen((const char *)p), i = 0, o = 0;
	/* upper case never needs more than 4 bytes for a 1-byte letter */
	char *out = malloc(len * 4 + 1);
	if (!out)
		return NULL;
	while (i < len) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p + i,
				(utf8proc_ssize_t)(len - i), &c);
		if (n < 1) {
			c = 0xfffd;
			n = 1;
		}
		o += (size_t)utf8proc_encode_char(utf8proc_toupper(c),
				(utf8proc_uint8_t *)out + o);
		i += (size_t)n;
	}
	out[o] = '\0';
	return out;
}

void
docx_date_line(const char *place, const char *iso, char *buf, size_t size)
{
	struct ntm_date d;
	if (!iso || model_parse_date(iso, &d) != NULL) {
		snprintf(buf, size, TXT_DOCX_DATE_BLANK, place ? place : "");
		return;
	}
	snprintf(buf, size, d.month <= 2 ? TXT_DOCX_DATE_FMT0 : TXT_DOCX_DATE_FMT,
		 place ? place : "", d.day, d.month, d.year);
}

/* ---- the package ---------------------------------------------------------- */

#define CT_WORD "application/vnd.openxmlformats-officedocument.wordprocessingml."
#define REL_DOC "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define REL_PKG "http://schemas.openxmlformats.org/package/2006/relationships"

static const char CONTENT_TYPES[] = DOCX_XML_DECL
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"" CT_WORD "document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"" CT_WORD "styles+xml\"/>"
	"<Override PartName=\"/word/settings.xml\" ContentType=\"" CT_WORD "settings+xml\"/>"
	"<Override PartName=\"/word/header1.xml\" ContentType=\"" CT_WORD "header+xml\"/>"
	"<Override PartName=\"/word/header2.xml\" ContentType=\"" CT_WORD "header+xml\"/>"
	"<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
	"<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
	"</Types>";

static const char PACKAGE_RELS[] = DOCX_XML_DECL
	"<Relationships xmlns=\"" REL_PKG "\">"
	"<Relationship Id=\"rId1\" Type=\"" REL_DOC "officeDocument\" Target=\"word/document.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"" REL_PKG "/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"" REL_DOC "extended-properties\" Target=\"docProps/app.xml\"/>"
	"</Relationships>";

static const char DOCUMENT_RELS[] = DOCX_XML_DECL
	"<Relationships xmlns=\"" REL_PKG "\">"
	"<Relationship Id=\"rIdStyles\" Type=\"" REL_DOC "styles\" Target=\"styles.xml\"/>"
	"<Relationship Id=\"rIdSettings\" Type=\"" REL_DOC "settings\" Target=\"settings.xml\"/>"
	"<Relationship Id=\"" DOCX_RID_HEADER "\" Type=\"" REL_DOC "header\" Target=\"header1.xml\"/>"
	"<Relationship Id=\"" DOCX_RID_FIRST "\" Type=\"" REL_DOC "header\" Target=\"header2.xml\"/>"
	"</Relationships>";

/* Page numbers centred at the top from page 2; the first page's header is
 * empty (titlePg in the section). */
static const char HEADER_PAGE[] = DOCX_XML_DECL
	"<w:hdr xmlns:w=\"" DOCX_NS_W "\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>"
	"<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>2</w:t></w:r></w:fldSimple></w:p></w:hdr>";
static const char HEADER_FIRST[] = DOCX_XML_DECL
	"<w:hdr xmlns:w=\"" DOCX_NS_W "\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr></w:p></w:hdr>";

static const char SETTINGS[] = DOCX_XML_DECL
	"<w:settings xmlns:w=\"" DOCX_NS_W "\"><w:defaultTabStop w:val=\"720\"/>"
	"<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat>"
	"<w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
	"</w:compat></w:settings>";

static const char APP[] = DOCX_XML_DECL
	"<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
	"<Application>ntm</Application></Properties>";

/* A paragraph style: id, name, based on, pPr and rPr contents. */
#define PSTYLE(id, name, based, ppr, rpr) \
	"<w:style w:type=\"paragraph\" w:styleId=\"" id "\"><w:name w:val=\"" name "\"/>" \
	"<w:basedOn w:val=\"" based "\"/><w:qFormat/><w:pPr>" ppr "</w:pPr><w:rPr>" rpr "</w:rPr></w:style>"
#define NO_INDENT "<w:ind w:firstLine=\"0\"/>"
#define TIGHT "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
#define BORDER(side) "<w:" side " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"

/* Times New Roman 14 pt, justified, first line indented 1.27 cm, 6 pt
 * after; headings I–IV, 1–5, 3.1 and the days; centred lines; table text
 * 12 pt; Table Grid. */
static const char STYLES[] = DOCX_XML_DECL
	"<w:styles xmlns:w=\"" DOCX_NS_W "\"><w:docDefaults><w:rPrDefault><w:rPr>"
	"<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"Times New Roman\""
	" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
	"<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\"/>"
	"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
	"<w:spacing w:after=\"120\" w:line=\"288\" w:lineRule=\"auto\"/>"
	"</w:pPr></w:pPrDefault></w:docDefaults>"
	"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
	"<w:name w:val=\"Normal\"/><w:qFormat/><w:pPr>"
	"<w:spacing w:after=\"120\" w:line=\"288\" w:lineRule=\"auto\"/>"
	"<w:ind w:firstLine=\"720\"/><w:jc w:val=\"both\"/></w:pPr></w:style>"
	PSTYLE("Heading1", "heading 1", "Normal", "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/>"
	       "<w:outlineLvl w:val=\"0\"/>", "<w:b/><w:bCs/>")
	PSTYLE("Heading2", "heading 2", "Normal", "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"120\"/>"
	       "<w:outlineLvl w:val=\"1\"/>", "<w:b/><w:bCs/>")
	PSTYLE("Heading3", "heading 3", "Normal", "<w:keepNext/><w:outlineLvl w:val=\"2\"/>",
	       "<w:b/><w:bCs/><w:i/><w:iCs/>")
	PSTYLE("Heading4", "heading 4", "Normal", "<w:keepNext/><w:outlineLvl w:val=\"3\"/>",
	       "<w:i/><w:iCs/>")
	PSTYLE("Centered", "Centered", "Normal", TIGHT NO_INDENT "<w:jc w:val=\"center\"/>", "")
	PSTYLE("Kind", "Document Kind", "Centered", "<w:spacing w:before=\"360\" w:after=\"0\"/>", "")
	PSTYLE("Intro", "Intro", "Normal", "<w:spacing w:before=\"240\"/>", "")
	PSTYLE("Plain", "Plain", "Normal", TIGHT NO_INDENT "<w:jc w:val=\"left\"/>", "")
	PSTYLE("TableText", "Table Text", "Plain", "", "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>")
	PSTYLE("TableHead", "Table Heading", "TableText", "<w:keepNext/><w:jc w:val=\"center\"/>",
	       "<w:b/><w:bCs/>")
	/* the criteria table, eight columns on A4 portrait: 11 pt */
	PSTYLE("TableSmall", "Table Text Small", "TableText", "",
	       "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>")
	PSTYLE("TableHeadSmall", "Table Heading Small", "TableHead", "",
	       "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>")
	PSTYLE("Header", "header", "Centered", "", "")
	"<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
	"<w:name w:val=\"Normal Table\"/><w:semiHidden/><w:tblPr>"
	"<w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
	"<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
	"<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
	"</w:tblCellMar></w:tblPr></w:style>"
	"<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/>"
	"<w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>"
	BORDER("top") BORDER("left") BORDER("bottom") BORDER("right")
	BORDER("insideH") BORDER("insideV")
	"</w:tblBorders></w:tblPr></w:style></w:styles>";

static char *
core_xml(const struct docx_meta *m, size_t *len)
{
	struct xb b = {0};
	struct ntm_date d;
	xb_raw(&b, DOCX_XML_DECL "<cp:coreProperties xmlns:cp=\"http://schemas."
	       "openxmlformats.org/package/2006/metadata/core-properties\""
	       " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
	       " xmlns:dcterms=\"http://purl.org/dc/terms/\""
	       " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
	xb_text(&b, m->title, false);
	xb_raw(&b, "</dc:title><dc:creator>");
	xb_text(&b, m->author, false);
	xb_raw(&b, "</dc:creator><cp:lastModifiedBy>");
	xb_text(&b, m->author, false);
	xb_raw(&b, "</cp:lastModifiedBy>");
	if (m->date && !model_parse_date(m->date, &d))
		for (int i = 0; i < 2; i++)
			xb_rawf(&b, "<dcterms:%s xsi:type=\"dcterms:W3CDTF\">"
				"%04d-%02d-%02dT00:00:00Z</dcterms:%s>",
				i ? "modified" : "created", d.year, d.month,
				d.day, i ? "modified" : "created");
	xb_raw(&b, "</cp:coreProperties>");
	return xb_take(&b, len);
}

/* The finished archive, read back from the buffer source libzip wrote it
 * to (libzip's in-memory example: keep the source, close, stat, read). */
static int
copy_out(zip_source_t *src, FILE *f, struct ntm_error *e)
{
	char buf[65536];
	zip_int64_t n = 0;
	if (zip_source_open(src) < 0)
		return ntm_fail(e, NTM_FAIL, MSG_DOCX_ZIP);
	while ((n = zip_source_read(src, buf, sizeof buf)) > 0)
		if (fwrite(buf, 1, (size_t)n, f) != (size_t)n)
			break;
	zip_source_close(src);
	if (n != 0)
		return n < 0 ? ntm_fail(e, NTM_FAIL, MSG_DOCX_ZIP)
			     : ntm_fail(e, NTM_FAIL, MSG_DOCX_WRITE,
					ntm_errno_text(errno));
	return NTM_OK;
}

struct part {
	const char *name, *data;
	size_t len;
};

static int
add_parts(zip_t *za, const struct part *parts, int n)
{
	for (int i = 0; i < n; i++) {
		zip_source_t *s = zip_source_buffer(za, parts[i].data,
						    parts[i].len, 0);
		if (!s)
			return -1;
		if (zip_file_add(za, parts[i].name, s, ZIP_FL_ENC_UTF_8) < 0) {
			zip_source_free(s);
			return -1;
		}
	}
	return 0;
}

int
docx_package(FILE *f, const char *document, size_t len,
	     const struct docx_meta *meta, struct ntm_error *e)
{
	size_t core_len;
	char *core = core_xml(meta, &core_len);
	const struct part parts[] = {
		{"[Content_Types].xml", CONTENT_TYPES, sizeof CONTENT_TYPES - 1},
		{"_rels/.rels", PACKAGE_RELS, sizeof PACKAGE_RELS - 1},
		{"word/document.xml", document, len},
		{"word/_rels/document.xml.rels", DOCUMENT_RELS, sizeof DOCUMENT_RELS - 1},
		{"word/styles.xml", STYLES, sizeof STYLES - 1},
		{"word/settings.xml", SETTINGS, sizeof SETTINGS - 1},
		{"word/header1.xml", HEADER_PAGE, sizeof HEADER_PAGE - 1},
		{"word/header2.xml", HEADER_FIRST, sizeof HEADER_FIRST - 1},
		{"docProps/core.xml", core ? core : "", core_len},
		{"docProps/app.xml", APP, sizeof APP - 1},
	};
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = core ? zip_source_buffer_create(NULL, 0, 0, &ze) : NULL;
	zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	int rc = NTM_FAIL;
	if (za) {
		zip_source_keep(src);
		if (add_parts(za, parts, (int)(sizeof parts / sizeof *parts)) == 0 &&
		    zip_close(za) == 0)
			rc = copy_out(src, f, e);
		else
			zip_discard(za);
	}
	if (rc != NTM_OK && (!e || e->code == NTM_OK))
		ntm_fail(e, NTM_FAIL, MSG_DOCX_ZIP);
	zip_source_free(src);
	zip_error_fini(&ze);
	free(core);
	return rc;
}
