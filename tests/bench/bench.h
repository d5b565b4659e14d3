/* What every benchmark (make bench) measures with: a monotonic clock in
 * seconds, and an order of doubles for qsort (medians). */
#ifndef NTM_BENCH_H
#define NTM_BENCH_H

#include <time.h>

static inline double
bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static inline int
bench_cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return (a > b) - (a < b);
}

#endif
