/* gloss-project-load.c — being written */

#include "gloss.h"
