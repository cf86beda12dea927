/* gloss-import.c — being written */

#include "gloss.h"
