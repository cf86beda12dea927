/* gloss-cli.c — the headless command line: --new, --export, --validate, --search,
 * --merge, --agreement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "gloss.h"
#include "gloss-cli.h"
#include "gloss-cli-agreement.h"

typedef struct {
  char     *new_path;
  char     *export_format;
  char     *output;
  char     *document_id;
  char     *w3c_offsets;
  char     *title;
  char     *encoding;
  char     *search;
  char     *tag;
  gboolean  regex;
  gboolean  exact;
  gboolean  whole_words;
  gboolean  validate;
  gboolean  merge;
  gboolean  agreement;
  gboolean  agreement_json;
  gboolean  by_author;
  gboolean  force;
  gboolean  version;
  char    **files;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->new_path);
  g_free (options->export_format);
  g_free (options->output);
  g_free (options->document_id);
  g_free (options->w3c_offsets);
  g_free (options->title);
  g_free (options->encoding);
  g_free (options->search);
  g_free (options->tag);
  g_strfreev (options->files);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)


int
gloss_cli_fail (const char *format,
                ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("gloss: %s\n", message);
  return GLOSS_EXIT_BAD_INPUT;
}

int
gloss_cli_usage (const char *format,
                 ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("gloss: %s\n%s\n", message, _("Try “gloss --help” for more information."));
  return GLOSS_EXIT_USAGE;
}

/* Why @kind makes two documents one article, for messages. */
static const char *
describe_duplicate (GlossDuplicateKind kind)
{
  switch (kind)
    {
    case GLOSS_DUPLICATE_URL:
      return _("the same address");
    case GLOSS_DUPLICATE_FILE:
      return _("the same file");
    case GLOSS_DUPLICATE_TEXT:
    case GLOSS_DUPLICATE_NONE:
    default:
      return _("the same text");
    }
}

/* An article already in @project (the same file given twice, or two
 * saves of one page) is not made a second document: the first is kept and
 * stderr says so. *@skipped tells the caller nothing was imported. */
static gboolean
import_new_file (GlossProject       *project,
                 GFile              *file,
                 const char         *name,
                 const char         *encoding,
                 GlossImportReport  *report,
                 gboolean           *skipped,
                 GError            **error)
{
  g_autoptr(GlossDocument) article = NULL;
  GlossDocument *existing;
  GlossDuplicateKind kind;

  *skipped = FALSE;
  if (!gloss_import_is_article (file))
    return gloss_import_file (project, file, report, error);

  article = gloss_import_read_article_full (file, encoding, report, error);
  if (article == NULL)
    return FALSE;

  existing = gloss_project_find_duplicate (project, article, &kind);
  if (existing != NULL)
    {
      /* Translators: “b.txt: has the same text as “Talks stall”, imported already; kept once” */
      g_printerr (_("%s: has %s as “%s”, imported already; kept once\n"),
                  name, describe_duplicate (kind), gloss_document_get_title (existing));
      *skipped = TRUE;
      return TRUE;
    }

  gloss_import_add_article (project, article);
  report->documents++;
  return TRUE;
}

static int
run_new (Options *options)
{
  g_autoptr(GFile) destination = g_file_new_for_commandline_arg (options->new_path);
  g_autoptr(GlossProject) project = gloss_project_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;

  if (options->files == NULL || options->files[0] == NULL)
    return gloss_cli_usage (_("--new needs at least one article or brat .ann file to import"));
  if (g_str_has_suffix (options->new_path, G_DIR_SEPARATOR_S))
    return gloss_cli_usage (_("--new=%s names a folder: give the project’s file name"), options->new_path);

  if (!options->force && g_file_query_exists (destination, NULL))
    return gloss_cli_fail (_("%s already exists; use --force to replace it"), options->new_path);

  /* Articles first, then annotation files (W3C, Hypothesis), which attach
   * to the articles, wherever they stand on the command line. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; options->files[i] != NULL; i++)
      {
        g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->files[i]);
        g_autoptr(GlossImportReport) report = NULL;
        g_autofree char *summary = NULL;
        gboolean skipped;

        if (gloss_import_file_holds_web_annotations (file) != (pass == 1))
          continue;

        report = gloss_import_report_new ();
        if (!import_new_file (project, file, options->files[i], options->encoding, report,
                              &skipped, &error))
          return gloss_cli_fail ("%s", error->message);
        for (guint j = 0; j < report->remarks->len; j++)
          g_printerr ("%s\n", (const char *) g_ptr_array_index (report->remarks, j));
        if (skipped)
          continue;

        for (guint j = 0; j < report->messages->len; j++)
          g_printerr ("%s\n", (const char *) g_ptr_array_index (report->messages, j));

        summary = gloss_import_report_summary (report);
        g_printerr (_("%s: imported %s\n"), options->files[i], summary);
        for (guint j = 0; j < report->placements->len; j++)
          {
            g_autofree char *placed = gloss_import_placement_describe (g_ptr_array_index (report->placements, j));

            g_printerr ("  %s\n", placed);
          }
      }

  /* A file name in any encoding; the title is always valid UTF-8. */
  {
    g_autofree char *raw = g_file_get_basename (destination);

    basename = g_filename_display_name (raw);
  }
  if (options->title != NULL)
    gloss_project_set_title (project, options->title);
  else
    {
      char *dot = strrchr (basename, '.');

      if (dot != NULL && dot != basename)
        *dot = '\0';
      gloss_project_set_title (project, basename);
    }

  if (!gloss_project_save (project, destination, &error))
    return gloss_cli_fail ("%s", error->message);

  return GLOSS_EXIT_OK;
}

static GlossProject *
load_project (const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return gloss_project_load (file, error);
}

static int
write_to_stdout (GlossProject      *project,
                 GlossDocument     *document,
                 GlossExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = gloss_export_bytes (project, document, format, &error);
  gsize size;
  const char *data;

  if (bytes == NULL)
    return gloss_cli_fail ("%s", error->message);

  data = g_bytes_get_data (bytes, &size);
  if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
    return gloss_cli_fail (_("could not write the export to standard output"));
  return GLOSS_EXIT_OK;
}

static int
run_export (Options *options)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GlossDocument *document = NULL;
  GlossExportFormat format;

  if (!gloss_export_format_from_string (options->export_format, &format))
    return gloss_cli_usage (_("unknown export format “%s” (use json, w3c, brat or csv)"), options->export_format);

  if (options->w3c_offsets != NULL)
    {
      if (format != GLOSS_EXPORT_W3C)
        return gloss_cli_usage (_("--w3c-offsets goes with --export=w3c"));
      if (g_str_equal (options->w3c_offsets, "utf16"))
        format = GLOSS_EXPORT_W3C_UTF16;
      else if (!g_str_equal (options->w3c_offsets, "code-points"))
        return gloss_cli_usage (_("unknown --w3c-offsets “%s” (use code-points or utf16)"), options->w3c_offsets);
    }

  if (options->files == NULL || options->files[0] == NULL || options->files[1] != NULL)
    return gloss_cli_usage (_("--export needs exactly one project file"));

  if (format == GLOSS_EXPORT_BRAT && (options->output == NULL || g_str_equal (options->output, "-")))
    return gloss_cli_usage (_("--export=brat writes a folder: give it with --output=FOLDER"));
  if (format != GLOSS_EXPORT_BRAT && options->output != NULL &&
      g_str_has_suffix (options->output, G_DIR_SEPARATOR_S))
    return gloss_cli_usage (_("--output=%s names a folder; --export=%s writes one file: give its name"),
                  options->output, options->export_format);

  project = load_project (options->files[0], &error);
  if (project == NULL)
    return gloss_cli_fail ("%s", error->message);

  if (options->document_id != NULL)
    {
      document = gloss_project_lookup_document (project, options->document_id);
      if (document == NULL)
        return gloss_cli_fail (_("%s has no document with the id “%s”"), options->files[0], options->document_id);
    }

  if (options->output == NULL || g_str_equal (options->output, "-"))
    return write_to_stdout (project, document, format);

  {
    g_autoptr(GFile) destination = g_file_new_for_commandline_arg (options->output);

    if (!gloss_export_to_file (project, document, format, destination, &error))
      return gloss_cli_fail ("%s", error->message);
  }

  return GLOSS_EXIT_OK;
}

static int
run_validate (Options *options)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  guint n_annotations = 0;
  guint n_documents;
  guint n_relations;
  g_autofree char *documents = NULL;
  g_autofree char *annotations = NULL;
  g_autofree char *relations = NULL;

  if (options->files == NULL || options->files[0] == NULL || options->files[1] != NULL)
    return gloss_cli_usage (_("--validate needs exactly one project file"));

  /* The size is checked before anything is read (a sparse 40 GB file is
   * refused at once). */
  file = g_file_new_for_commandline_arg (options->files[0]);
  project = gloss_project_load_with_problems (file, problems, &error);
  if (project == NULL)
    {
      if (problems->len == 0)
        g_ptr_array_add (problems, g_strdup (error->message));

      for (guint i = 0; i < problems->len; i++)
        g_printerr ("%s\n", (const char *) g_ptr_array_index (problems, i));
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s: %u problem\n", "%s: %u problems\n", problems->len),
                  options->files[0], problems->len);
      return GLOSS_EXIT_BAD_INPUT;
    }

  n_documents = g_list_model_get_n_items (gloss_project_get_documents (project));
  for (guint i = 0; i < n_documents; i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (gloss_project_get_documents (project), i);
      n_annotations += gloss_document_get_n_annotations (document);
    }

  /* Re-anchored annotations load, but a file that needed it is not clean. */
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    return GLOSS_EXIT_BAD_INPUT;

  n_relations = g_list_model_get_n_items (gloss_project_get_relations (project));
  documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n_documents),
                               n_documents);
  annotations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations",
                                              n_annotations),
                                 n_annotations);
  relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations", n_relations),
                               n_relations);
  /* Translators: "talks.gloss: valid (1 document, 3 annotations, 0 relations)" */
  g_print (_("%s: valid (%s, %s, %s)\n"), options->files[0], documents, annotations, relations);

  return GLOSS_EXIT_OK;
}

/* "document:start:end: context", one line per match, for pipelines. */
static int
run_search (Options *options)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossSearch) search = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  GlossSearchFlags flags = GLOSS_SEARCH_DEFAULT;

  if (options->files == NULL || options->files[0] == NULL || options->files[1] != NULL)
    return gloss_cli_usage (_("--search needs exactly one project file"));

  if (options->regex)
    flags |= GLOSS_SEARCH_REGEX;
  if (options->exact)
    flags |= GLOSS_SEARCH_EXACT;
  if (options->whole_words)
    flags |= GLOSS_SEARCH_WHOLE_WORDS;

  search = gloss_search_new (options->search, flags, &error);
  if (search == NULL)
    return gloss_cli_usage ("%s", error->message);

  project = load_project (options->files[0], &error);
  if (project == NULL)
    return gloss_cli_fail ("%s", error->message);

  if (options->tag != NULL)
    {
      GlossTag *tag = gloss_project_lookup_tag_by_name (project, options->tag);

      if (tag == NULL)
        tag = gloss_project_lookup_tag (project, options->tag);
      if (tag == NULL)
        return gloss_cli_fail (_("%s has no tag named “%s”"), options->files[0], options->tag);
      gloss_search_set_scope (search, GLOSS_SEARCH_SCOPE_TAG, gloss_tag_get_id (tag));
    }

  matches = gloss_search_project (search, project);
  for (guint i = 0; i < matches->len; i++)
    {
      GlossSearchMatch *match = g_ptr_array_index (matches, i);

      g_string_append_printf (out, "%s:%u:%u: %s%s%s\n",
                              gloss_document_get_id (gloss_search_match_get_document (match)),
                              gloss_search_match_get_start (match),
                              gloss_search_match_get_end (match),
                              gloss_search_match_get_before (match),
                              gloss_search_match_get_text (match),
                              gloss_search_match_get_after (match));
    }

  if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
    return gloss_cli_fail (_("could not write the matches to standard output"));

  return GLOSS_EXIT_OK;
}

/* git's merge driver: gloss --merge %O %A %B. The result goes over OURS. */
static int
run_merge (Options *options)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) base = NULL;
  g_autoptr(GFile) ours = NULL;
  g_autoptr(GFile) theirs = NULL;
  guint n_conflicts;

  if (options->files == NULL || g_strv_length (options->files) != 3)
    return gloss_cli_usage (_("--merge needs three project files: BASE OURS THEIRS"));

  base = g_file_new_for_commandline_arg (options->files[0]);
  ours = g_file_new_for_commandline_arg (options->files[1]);
  theirs = g_file_new_for_commandline_arg (options->files[2]);
  if (!gloss_merge_files (base, ours, theirs, conflicts, &n_conflicts, &error))
    return gloss_cli_fail ("%s", error->message);

  if (n_conflicts == 0)
    return GLOSS_EXIT_OK;

  for (guint i = 0; i < conflicts->len; i++)
    g_printerr ("%s: %s\n", options->files[1], (const char *) g_ptr_array_index (conflicts, i));
  g_printerr (g_dngettext (GETTEXT_PACKAGE,
                           "%s: %u conflict; both versions are kept and marked for review in Gloss\n",
                           "%s: %u conflicts; both versions are kept and marked for review in Gloss\n",
                           n_conflicts),
              options->files[1], n_conflicts);

  return GLOSS_EXIT_BAD_INPUT;
}

static gboolean
parse_agreement (const char  *option_name,
                 const char  *value,
                 gpointer     data,
                 GError     **error)
{
  Options *options = data;

  options->agreement = TRUE;
  if (value == NULL || g_str_equal (value, "text"))
    return TRUE;
  if (g_str_equal (value, "json"))
    {
      options->agreement_json = TRUE;
      return TRUE;
    }

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("unknown agreement format “%s” (use text or json)"), value);
  return FALSE;
}

/* Every option of the command line, bound to @options. */
static GOptionContext *
make_context (Options *options)
{
  GOptionContext *context;
  const GOptionEntry entries[] = {
    { "new", 0, 0, G_OPTION_ARG_FILENAME, &options->new_path,
      N_("Create the project PROJECT.gloss from articles (.txt, .md), brat .ann files "
         "and web annotations (W3C or Hypothesis .json) on those articles"), N_("PROJECT.gloss") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &options->force,
      N_("With --new: replace an existing project file"), NULL },
    { "title", 0, 0, G_OPTION_ARG_STRING, &options->title,
      N_("With --new: the project’s title"), N_("TITLE") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &options->encoding,
      N_("With --new: read the text articles in ENCODING (such as windows-1252 or ISO-8859-15) "
         "instead of UTF-8 or, for text that is not UTF-8, Windows-1252"), N_("ENCODING") },
    { "export", 0, 0, G_OPTION_ARG_STRING, &options->export_format,
      N_("Export a project’s annotations as json, w3c, brat or csv"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options->output,
      N_("With --export: the file (or folder, for brat) to write; standard output if none or -"), N_("PATH") },
    { "document", 0, 0, G_OPTION_ARG_STRING, &options->document_id,
      N_("With --export: only the document with this id"), N_("ID") },
    { "w3c-offsets", 0, 0, G_OPTION_ARG_STRING, &options->w3c_offsets,
      N_("With --export=w3c: count positions in code-points (the W3C model, the default) "
         "or utf16 (web tools: Recogito, Annotorious, Hypothesis)"), N_("UNIT") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &options->search,
      N_("Print every match of PATTERN in a project as “document:start:end: context” (code points); "
         "case and diacritics are ignored"), N_("PATTERN") },
    { "regex", 0, 0, G_OPTION_ARG_NONE, &options->regex,
      N_("With --search: PATTERN is a regular expression"), NULL },
    { "exact", 0, 0, G_OPTION_ARG_NONE, &options->exact,
      N_("With --search: case and diacritics must match"), NULL },
    { "whole-words", 0, 0, G_OPTION_ARG_NONE, &options->whole_words,
      N_("With --search: only matches that are whole words"), NULL },
    { "tag", 0, 0, G_OPTION_ARG_STRING, &options->tag,
      N_("With --search: only inside annotations with this tag"), N_("NAME") },
    { "validate", 0, 0, G_OPTION_ARG_NONE, &options->validate,
      N_("Check a project file and print every problem"), NULL },
    { "merge", 0, 0, G_OPTION_ARG_NONE, &options->merge,
      N_("Merge two versions of a project as git’s merge driver: --merge BASE OURS THEIRS writes the result over OURS"), NULL },
    { "agreement", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, parse_agreement,
      N_("Measure the agreement of annotators (each file one annotator): a table, or JSON with --agreement=json"), N_("[json]") },
    { "by-author", 0, 0, G_OPTION_ARG_NONE, &options->by_author,
      N_("With --agreement: the annotators are the authors of the annotations in one project"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options->version,
      N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->files, NULL, N_("[FILE…]") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  {
    GOptionGroup *group = g_option_group_new (NULL, NULL, NULL, options, NULL);

    g_option_group_add_entries (group, entries);
    g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
    g_option_context_set_main_group (context, group);
  }
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Gloss marks up what news articles claim and who says so.\n\n"
      "Without options, “gloss [FILE…]” opens the window with a project (.gloss)\n"
      "or starts a new project from articles (.txt, .md) or brat .ann files.\n"
      "With the options below it works headless."));
  g_option_context_set_description (context,
    _("Exit status: 0 done, 1 bad input, 2 wrong usage.\n\n"
      "Examples:\n"
      "  gloss --new=talks.gloss article.txt brat/doc1.ann\n"
      "  gloss --new=talks.gloss article.txt hypothesis-export.json\n"
      "  gloss --export=json talks.gloss > talks.json\n"
      "  gloss --export=w3c --w3c-offsets=utf16 talks.gloss > for-recogito.jsonld\n"
      "  gloss --export=brat --output=talks-brat/ talks.gloss\n"
      "  gloss --validate talks.gloss\n"
      "  gloss --search=\"40 percent\" --tag=Claim talks.gloss\n"
      "  gloss --merge %O %A %B        (in git config merge.gloss.driver)\n"
      "  gloss --agreement ana.gloss ben.gloss\n"
      "  gloss --agreement=json --by-author team.gloss"));

  return context;
}

/* A copy of @argv ready for parsing: a bare --agreement takes no value,
 * though GOption would take the next file for its optional one. */
static GStrv
normalise_arguments (char **argv)
{
  GStrv args = g_strdupv (argv);

  for (guint i = 1; args[i] != NULL && !g_str_equal (args[i], "--"); i++)
    if (g_str_equal (args[i], "--agreement"))
      {
        g_free (args[i]);
        args[i] = g_strdup ("--agreement=text");
      }

  return args;
}

/* Whether any option of the command line was given (files aside). */
static gboolean
options_given (const Options *options)
{
  return options->new_path != NULL || options->export_format != NULL || options->output != NULL ||
         options->document_id != NULL || options->w3c_offsets != NULL || options->title != NULL ||
         options->encoding != NULL || options->search != NULL || options->tag != NULL || options->regex || options->exact ||
         options->whole_words || options->validate || options->merge || options->agreement ||
         options->by_author || options->force || options->version;
}

gboolean
gloss_cli_wants_command_line (int    argc,
                              char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(GOptionContext) context = make_context (&options);
  g_auto(GStrv) args = normalise_arguments (argv);
  gboolean for_window = FALSE;
  /* GApplication's own options, which the window handles. */
  const GOptionEntry window_entries[] = {
    { "gapplication-service", 0, 0, G_OPTION_ARG_NONE, &for_window, NULL, NULL },
    { NULL }
  };
  GOptionGroup *window_group = g_option_group_new ("window", "", "", NULL, NULL);

  g_option_group_add_entries (window_group, window_entries);
  g_option_context_add_group (context, window_group);
  /* Help and unknown options are the command line's to print or refuse. */
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_ignore_unknown_options (context, TRUE);

  /* A malformed option (--export without a format): the command line says so. */
  if (!g_option_context_parse_strv (context, &args, NULL))
    return TRUE;
  if (options_given (&options))
    return TRUE;

  /* What GOption left are unknown options and files; "-" alone is a file. */
  for (guint i = 1; args[i] != NULL && !g_str_equal (args[i], "--"); i++)
    if (args[i][0] == '-' && args[i][1] != '\0')
      return TRUE;

  return FALSE;
}

int
gloss_cli_run (int    argc,
               char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  guint n_commands;

  context = make_context (&options);
  args = normalise_arguments (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    return gloss_cli_usage ("%s", error->message);

  if (options.version)
    {
      g_print ("gloss %s\n", PACKAGE_VERSION);
      return GLOSS_EXIT_OK;
    }

  /* An empty name is a slip, not a file called "". */
  if (options.new_path != NULL && options.new_path[0] == '\0')
    return gloss_cli_usage (_("--new needs a file name: --new=PROJECT.gloss"));
  if (options.output != NULL && options.output[0] == '\0')
    return gloss_cli_usage (_("--output needs a file name (or - for standard output)"));

  n_commands = (options.new_path != NULL) + (options.export_format != NULL) + (options.validate != FALSE) +
               (options.search != NULL) + (options.merge != FALSE) + (options.agreement != FALSE);
  if (n_commands == 0)
    return gloss_cli_usage (_("nothing to do: give --new, --export, --validate, --search, --merge or --agreement"));
  if (n_commands > 1)
    return gloss_cli_usage (_("give only one of --new, --export, --validate, --search, --merge and --agreement"));
  if (options.force && options.new_path == NULL)
    return gloss_cli_usage (_("--force goes with --new"));
  if (options.encoding != NULL && options.new_path == NULL)
    return gloss_cli_usage (_("--encoding goes with --new"));
  if ((options.output != NULL || options.document_id != NULL || options.w3c_offsets != NULL) &&
      options.export_format == NULL)
    return gloss_cli_usage (_("--output, --document and --w3c-offsets go with --export"));
  if ((options.regex || options.exact || options.whole_words || options.tag != NULL) && options.search == NULL)
    return gloss_cli_usage (_("--regex, --exact, --whole-words and --tag go with --search"));

  if (options.new_path != NULL)
    return run_new (&options);
  if (options.export_format != NULL)
    return run_export (&options);
  if (options.search != NULL)
    return run_search (&options);
  if (options.merge)
    return run_merge (&options);
  if (options.agreement)
    return gloss_cli_agreement (options.files, options.by_author, options.agreement_json);

  return run_validate (&options);
}
