/* gloss-export-csv.c — being written */

#include "gloss.h"
