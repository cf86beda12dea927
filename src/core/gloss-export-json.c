/* gloss-export-json.c — being written */

#include "gloss.h"
