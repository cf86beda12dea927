/* gloss-export.c — being written */

#include "gloss.h"
