/* lazy_zip — libzip loaded only when a docx is written or an xlsx read.
 * Include this instead of <zip.h>: after the real header, every library
 * function src/io calls is redirected to a pointer that io_lazy_zip()
 * fills with dlopen/dlsym, so `ntm` does not map the library (and
 * libcrypto, libbz2 behind it) at start. Call io_lazy_zip() at the top of
 * every entry point that uses it; a function called before that is a
 * NULL pointer. A function new to src/io goes into IO_ZIP_FUNCS and the
 * list of #defines below (the link fails until it does: the program is
 * not linked with -lzip). Private to src/io. */
#ifndef NTM_IO_LAZY_ZIP_H
#define NTM_IO_LAZY_ZIP_H

#include <zip.h>

#define IO_ZIP_SONAME   "libzip.so.4"
#define IO_ZIP_PACKAGE  "libzip4"

#define IO_ZIP_FUNCS(X) \
	X(zip_close) X(zip_discard) X(zip_error_code_system) \
	X(zip_error_code_zip) X(zip_error_fini) X(zip_error_init) \
	X(zip_error_init_with_code) X(zip_error_strerror) X(zip_fclose) \
	X(zip_file_add) X(zip_fopen) X(zip_fopen_index) X(zip_fread) \
	X(zip_get_name) X(zip_get_num_entries) X(zip_name_locate) X(zip_open) \
	X(zip_open_from_source) X(zip_set_file_compression) \
	X(zip_source_buffer) X(zip_source_buffer_create) X(zip_source_close) \
	X(zip_source_free) X(zip_source_keep) X(zip_source_open) \
	X(zip_source_read) X(zip_source_seek) X(zip_source_stat) \
	X(zip_source_tell) X(zip_stat_index) X(zip_stat_init) X(zip_strerror)


#ifndef IO_LAZY_MEMBER
#define IO_LAZY_MEMBER(name) __typeof__(&name) name;
#endif
struct io_zip_api {
	IO_ZIP_FUNCS(IO_LAZY_MEMBER)
};
extern struct io_zip_api io_zip;

struct ntm_error;
/* Loads libzip once per process; NTM_OK, or NTM_FAIL and e says in
 * Vietnamese which Debian package is missing (or that this build has no
 * docx and xlsx). */
int io_lazy_zip(struct ntm_error *e);

#ifndef IO_LAZY_IMPL
#define zip_close                      (io_zip.zip_close)
#define zip_discard                    (io_zip.zip_discard)
#define zip_error_code_system          (io_zip.zip_error_code_system)
#define zip_error_code_zip             (io_zip.zip_error_code_zip)
#define zip_error_fini                 (io_zip.zip_error_fini)
#define zip_error_init                 (io_zip.zip_error_init)
#define zip_error_init_with_code       (io_zip.zip_error_init_with_code)
#define zip_error_strerror             (io_zip.zip_error_strerror)
#define zip_fclose                     (io_zip.zip_fclose)
#define zip_file_add                   (io_zip.zip_file_add)
#define zip_fopen                      (io_zip.zip_fopen)
#define zip_fopen_index                (io_zip.zip_fopen_index)
#define zip_fread                      (io_zip.zip_fread)
#define zip_get_name                   (io_zip.zip_get_name)
#define zip_get_num_entries            (io_zip.zip_get_num_entries)
#define zip_name_locate                (io_zip.zip_name_locate)
#define zip_open                       (io_zip.zip_open)
#define zip_open_from_source           (io_zip.zip_open_from_source)
#define zip_set_file_compression       (io_zip.zip_set_file_compression)
#define zip_source_buffer              (io_zip.zip_source_buffer)
#define zip_source_buffer_create       (io_zip.zip_source_buffer_create)
#define zip_source_close               (io_zip.zip_source_close)
#define zip_source_free                (io_zip.zip_source_free)
#define zip_source_keep                (io_zip.zip_source_keep)
#define zip_source_open                (io_zip.zip_source_open)
#define zip_source_read                (io_zip.zip_source_read)
#define zip_source_seek                (io_zip.zip_source_seek)
#define zip_source_stat                (io_zip.zip_source_stat)
#define zip_source_tell                (io_zip.zip_source_tell)
#define zip_stat_index                 (io_zip.zip_stat_index)
#define zip_stat_init                  (io_zip.zip_stat_init)
#define zip_strerror                   (io_zip.zip_strerror)
#endif

#endif
