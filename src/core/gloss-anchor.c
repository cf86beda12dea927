/* gloss-anchor.c — being written */

#include "gloss.h"
