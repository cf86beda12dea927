/* gloss-import-text.c — being written */

#include "gloss.h"
