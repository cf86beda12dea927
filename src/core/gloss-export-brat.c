/* gloss-export-brat.c — being written */

#include "gloss.h"
