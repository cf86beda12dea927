/* gloss-cli.c — being written */

#include "gloss-cli.h"
