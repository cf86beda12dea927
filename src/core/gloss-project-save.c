/* gloss-project-save.c — being written */

#include "gloss.h"
