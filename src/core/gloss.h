/* gloss.h — the Gloss core: everything beneath the window, free of GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-types.h"
#include "gloss-agreement.h"
#include "gloss-annotation.h"
#include "gloss-compare.h"
#include "gloss-anchor.h"
#include "gloss-document.h"
#include "gloss-disk-state.h"
#include "gloss-export.h"
#include "gloss-file-lock.h"
#include "gloss-file-writer.h"
#include "gloss-import.h"
#include "gloss-json-writer.h"
#include "gloss-merge.h"
#include "gloss-project.h"
#include "gloss-project-file.h"
#include "gloss-provenance.h"
#include "gloss-relation.h"
#include "gloss-search.h"
#include "gloss-source-name.h"
#include "gloss-tag.h"
