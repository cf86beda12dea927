/* gloss-bench.h — marks on the start-up timeline that build-aux/bench.py reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Records WHAT (a static string) with the time, when GLOSS_BENCH is set. */
void _gloss_bench_mark (const char *what);

G_END_DECLS
