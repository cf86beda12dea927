/* gloss-import-brat.c — being written */

#include "gloss.h"
