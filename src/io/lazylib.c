/* lazylib — libxlsxwriter and libzip opened with dlopen the first time a
 * report, an export or an import needs them (lazy_xlsx.h, lazy_zip.h):
 * every other `ntm` run neither maps nor relocates them and the libraries
 * behind them. Built with -DNTM_NO_OFFICE_LIBS (a static build without
 * them), both refuse, saying the build has no xlsx and docx. */
#define IO_LAZY_IMPL
#include "lazy_xlsx.h"
#include "lazy_zip.h"

#include <dlfcn.h>
#include <stdbool.h>
#include <string.h>

#include "msg.h"
#include "ntm/error.h"

struct io_lxw_api io_lxw;
struct io_zip_api io_zip;

_Static_assert(sizeof(void *) == sizeof(void (*)(void)),
	       "dlsym gives function pointers as void *");

struct lazy_lib {
	const char *soname, *package, *use;
	/* Fills the table from the library; the name of the first missing
	 * function, NULL when all are there. */
	const char *(*fill)(void *handle);
	bool loaded;
};

#ifndef NTM_NO_OFFICE_LIBS
static bool
lazy_sym(void *handle, const char *name, void *slot)
{
	void *p = dlsym(handle, name);
	if (p)
		memcpy(slot, &p, sizeof p);
	return p != NULL;
}

#define IO_LAZY_SYM(name) \
	if (!lazy_sym(handle, #name, &api.name)) \
		return #name;

static const char *
fill_lxw(void *handle)
{
	struct io_lxw_api api;
	IO_LXW_FUNCS(IO_LAZY_SYM)
	io_lxw = api;
	return NULL;
}

static const char *
fill_zip(void *handle)
{
	struct io_zip_api api;
	IO_ZIP_FUNCS(IO_LAZY_SYM)
	io_zip = api;
	return NULL;
}
#else
#define fill_lxw NULL
#define fill_zip NULL
#endif

static int
lazy_load(struct lazy_lib *l, struct ntm_error *e)
{
	if (l->loaded)
		return NTM_OK;
#ifdef NTM_NO_OFFICE_LIBS
	return ntm_fail(e, NTM_FAIL, MSG_LAZY_NOT_BUILT, l->soname, l->use);
#else
	/* Once per process: the handle stays open until exit. */
	void *handle = dlopen(l->soname, RTLD_NOW | RTLD_LOCAL);
	if (!handle)
		return ntm_fail(e, NTM_FAIL, MSG_LAZY_NO_LIB, l->soname,
				l->package, l->use);
	const char *missing = l->fill(handle);
	if (missing) {
		dlclose(handle);
		return ntm_fail(e, NTM_FAIL, MSG_LAZY_NO_FUNC, l->soname,
				l->package, missing, l->use);
	}
	l->loaded = true;
	return NTM_OK;
#endif
}

static struct lazy_lib lxw_lib = {
	IO_LXW_SONAME, IO_LXW_PACKAGE, TXT_LAZY_XLSX_USE, fill_lxw, false,
};
static struct lazy_lib zip_lib = {
	IO_ZIP_SONAME, IO_ZIP_PACKAGE, TXT_LAZY_ZIP_USE, fill_zip, false,
};

int
io_lazy_xlsx(struct ntm_error *e)
{
	return lazy_load(&lxw_lib, e);
}

int
io_lazy_zip(struct ntm_error *e)
{
	return lazy_load(&zip_lib, e);
}
