/* make-sample.c — builds the bundled sample project from the texts in data/sample
 *
 * The sample shows what Gloss is for: claims, who makes them, notes, a
 * verdict, relations across documents. Ids and times are fixed so the
 * output is the same every time; a test checks the committed file is.
 *
 *   make-sample SAMPLE_DIR OUTPUT.gloss
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss.h"

static GDateTime *fixed_time;
static guint annotation_counter;

static GlossDocument *
add_document (GlossProject *project,
              const char   *dir,
              const char   *filename,
              const char   *id,
              const char   *title,
              const char   *source)
{
  g_autofree char *path = g_build_filename (dir, filename, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GlossDocument) document = NULL;

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  text = gloss_decode_text (bytes, filename, &error);
  g_assert_no_error (error);

  document = gloss_document_new (id, title, text);
  gloss_document_set_source (document, source);
  gloss_document_set_imported (document, fixed_time);
  gloss_project_insert_document (project, document);

  return document;  /* the project holds it */
}

/* Annotates the first occurrence of @quote (after @after, if given). */
static GlossAnnotation *
annotate (GlossProject  *project,
          GlossDocument *document,
          const char    *quote,
          const char    *after,
          const char    *tags,
          const char    *note)
{
  const char *text = gloss_document_get_text (document);
  const char *from = after != NULL ? strstr (text, after) : text;
  const char *found;
  g_autoptr(GlossAnnotation) annotation = NULL;
  g_auto(GStrv) tag_ids = g_strsplit (tags, ",", -1);
  g_autofree char *id = g_strdup_printf ("a%02u", ++annotation_counter);
  GlossOffset start;

  g_assert_nonnull (from);
  found = strstr (from, quote);
  if (found == NULL)
    g_error ("sample: “%s” not found in %s", quote, gloss_document_get_title (document));

  start = (GlossOffset) g_utf8_pointer_to_offset (text, found);
  annotation = gloss_annotation_new (id, start, start + (GlossOffset) g_utf8_strlen (quote, -1));
  gloss_annotation_set_tags (annotation, (const char * const *) tag_ids);
  gloss_annotation_set_note (annotation, note);
  gloss_annotation_set_author (annotation, "Sample Analyst");
  gloss_annotation_set_created (annotation, fixed_time);
  gloss_annotation_set_modified (annotation, fixed_time);
  gloss_document_add_annotation (document, annotation);

  return annotation;
}

static void
relate (GlossProject    *project,
        const char      *id,
        GlossAnnotation *from,
        const char      *type,
        GlossAnnotation *to,
        const char      *note)
{
  g_autoptr(GlossRelation) relation = gloss_relation_new (id, type,
                                                          gloss_annotation_get_id (from),
                                                          gloss_annotation_get_id (to));

  gloss_relation_set_note (relation, note);
  gloss_project_insert_relation (project, relation);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) output = NULL;
  GlossDocument *talks, *ministry, *institute;
  GlossAnnotation *core_claim, *officials, *reyes, *weeks, *forty_claim, *marant, *nothing;
  GlossAnnotation *flow_claim, *institute_org, *sefu, *diplomat, *station, *timeline_denial;
  GlossAnnotation *average_only, *four_times, *marant_signed, *measured, *dam_share;

  if (argc != 3)
    {
      g_printerr ("usage: make-sample SAMPLE_DIR OUTPUT.gloss\n");
      return 2;
    }

  fixed_time = g_date_time_new_utc (2026, 11, 20, 9, 30, 0);
  project = gloss_project_new ();
  gloss_project_set_title_raw (project, "Kessel Dam talks — sample");
  gloss_project_set_created (project, fixed_time);

  talks = add_document (project, argv[1], "geneva-talks-stall.txt", "talks",
                        "Water talks in Geneva stall over dam schedule",
                        "https://meridian-post.example/world/water-talks-stall");
  ministry = add_document (project, argv[1], "ostravia-ministry-statement.txt", "ministry",
                           "Statement of the Ministry of Foreign Affairs of Ostravia",
                           "https://mfa.ostravia.example/statements/kessel");
  institute = add_document (project, argv[1], "institute-flow-data.md", "institute",
                            "Kessel River: first-season flow after the dam",
                            "https://lakeshore-hydrology.example/notes/kessel-2026.pdf");

  annotate (project, talks, "GENEVA", NULL, "place", "");
  core_claim = annotate (project, talks,
                         "Negotiators from Valdoria and Ostravia ended a third day of talks on Thursday without agreement on how the new Kessel Dam should release water during the dry season",
                         NULL, "claim", "The lede. Sourced only to two unnamed officials.");
  officials = annotate (project, talks, "two officials briefed on the discussions", NULL, "source", "");
  gloss_annotation_set_attribute (officials, "named", "no");
  reyes = annotate (project, talks, "Tomás Reyes-Hallström", NULL, "person", "Valdoria's lead negotiator.");
  annotate (project, talks, "offered every reasonable compromise", NULL, "quote", "");
  weeks = annotate (project, talks, "a matter of weeks, not principles", NULL, "quote,claim",
                    "Ostravia's ministry says no timeline has been agreed.");
  forty_claim = annotate (project, talks,
                          "the draft text already guaranteed downstream farmers at least 40 percent of the river's natural flow",
                          NULL, "claim",
                          "Only in years of average rainfall — four of the last ten, per the ministry.");
  gloss_annotation_set_attribute (forty_claim, "verdict", "misleading");
  annotate (project, talks, "40 percent", "already guaranteed", "date-number", "");
  marant = annotate (project, talks, "Ilse Marant", NULL, "person", "");
  nothing = annotate (project, talks, "guarantees nothing before 2031", NULL, "quote", "");
  annotate (project, talks, "2031", "guarantees nothing", "date-number", "");
  flow_claim = annotate (project, talks, "has cut the river's flow at the border by nearly a third", NULL, "claim",
                         "29 percent in the institute's note: “nearly a third” is fair.");
  gloss_annotation_set_attribute (flow_claim, "verdict", "accurate");
  institute_org = annotate (project, talks, "Lakeshore Hydrology Institute", NULL, "organization,source", "");
  sefu = annotate (project, talks, "Dr. Amara Sefu", NULL, "person", "");
  annotate (project, talks, "not enough to separate the dam from the drought", NULL, "quote", "");
  diplomat = annotate (project, talks, "A diplomat from a mediating country, who asked not to be named", NULL, "source", "");
  gloss_annotation_set_attribute (diplomat, "named", "no");
  station = annotate (project, talks, "both sides had agreed on a joint monitoring station but not on who would pay for it",
                      NULL, "claim", "");
  annotate (project, talks, "Monday", NULL, "date-number", "");

  timeline_denial = annotate (project, ministry, "No such timeline has been agreed.", NULL, "claim", "");
  average_only = annotate (project, ministry, "only in years when rainfall reaches the long-term average",
                           NULL, "evidence", "");
  four_times = annotate (project, ministry, "rainfall reached that average four times", NULL, "evidence,date-number", "");
  annotate (project, ministry, "welcomes the proposal for a joint monitoring station", NULL, "claim", "");
  marant_signed = annotate (project, ministry, "Ilse Marant", NULL, "person", "");

  measured = annotate (project, institute, "29 percent lower than the ten-year average", NULL, "evidence", "");
  dam_share = annotate (project, institute,
                        "between 9 and 17 percentage points of the decline to the filling and operation of the Kessel Dam",
                        NULL, "evidence", "The dam's share is smaller than the story implies.");
  annotate (project, institute, "Dr. Amara Sefu", NULL, "person", "");

  relate (project, "r01", core_claim, "attributed-to", officials, "");
  relate (project, "r02", weeks, "attributed-to", reyes, "");
  relate (project, "r03", forty_claim, "attributed-to", reyes, "");
  relate (project, "r04", nothing, "attributed-to", marant, "Written statement.");
  relate (project, "r05", timeline_denial, "contradicts", weeks, "");
  relate (project, "r06", average_only, "contradicts", forty_claim, "The floor is conditional.");
  relate (project, "r07", four_times, "supports", average_only, "");
  relate (project, "r08", measured, "supports", flow_claim, "");
  relate (project, "r09", flow_claim, "attributed-to", institute_org, "");
  relate (project, "r10", dam_share, "contradicts", flow_claim, "Most of the drop is the drought.");
  relate (project, "r11", marant_signed, "same-as", marant, "");
  relate (project, "r12", station, "attributed-to", diplomat, "");
  (void) sefu;

  gloss_project_set_modified (project, fixed_time);
  output = g_file_new_for_commandline_arg (argv[2]);
  if (!gloss_project_save (project, output, &error))
    {
      g_printerr ("make-sample: %s\n", error->message);
      return 1;
    }

  g_date_time_unref (fixed_time);
  return 0;
}
