/* File name parts shared by the writers of src/io (internal). */
#ifndef NTM_IO_NAMES_H
#define NTM_IO_NAMES_H

/* The commune's name as a file name part: ASCII, lower case, words joined
 * by '-', nothing but letters and digits ("Việt Hưng" → "viet-hung"; "xa"
 * when nothing is left). Malloc'd; NULL when out of memory. */
char *io_name_part(const char *commune);

#endif
