/* gloss-export-w3c.c — being written */

#include "gloss.h"
