/* amends-csv-values.c: the text of a row's cells made a case's values
 *
 * Each of our fields (amends_csv_case_columns()) is read as the case's
 * property of the same name reads: text, a date, yes or no, a whole
 * number, one of an enum's nicks or a set of flags; the cost as an amount
 * of money; the customer and the owner by name, found or added when the
 * case is saved.  A cell that cannot be read is a problem, told with its
 * line and column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-csv-values"

#include "config.h"

#include "amends-csv-values.h"

#include <glib/gi18n.h>

#include "amends-csv-dates.h"
#include "amends-csv-export.h"
#include "amends-money.h"

/* A problem of the file, in plain words; with its line unless @line is 0. */
void
amends_csv_add_problem (GPtrArray  *problems,
                        guint       line,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line == 0)
    g_ptr_array_add (problems, g_steal_pointer (&message));
  else
    /* Translators: a problem in an imported file: "Line 7: the summary is empty." */
    g_ptr_array_add (problems, g_strdup_printf (_("Line %u: %s"), line, message));
}

/* The index of @field in amends_csv_case_columns(), or -1. */
int
amends_csv_field_index (const char *field)
{
  const char * const *fields = amends_csv_case_columns ();

  for (guint i = 0; fields[i] != NULL; i++)
    if (g_str_equal (fields[i], field))
      return i;
  return -1;
}

/* A customer's or member of staff's name as it is looked up: "ana lima"
 * finds "Ana Lima ". */
char *
amends_csv_name_key (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  return g_utf8_casefold (stripped, -1);
}

/* "In recovery", "in_recovery" and "in-recovery" all name the same nick. */
static char *
normalize_nick (const char *text)
{
  g_autofree char *down = g_ascii_strdown (text, -1);

  g_strstrip (down);
  return g_strdelimit (g_steal_pointer (&down), " _", '-');
}

static char *
list_nicks (GEnumClass *klass)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (text, "%s%s", i ? ", " : "", klass->values[i].value_nick);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
field_label (const char *field)
{
  if (g_str_equal (field, "status"))     return _("status");
  if (g_str_equal (field, "severity"))   return _("severity");
  if (g_str_equal (field, "channel"))    return _("channel");
  if (g_str_equal (field, "noticed_by")) return _("who noticed");
  if (g_str_equal (field, "reaction"))   return _("reaction");
  if (g_str_equal (field, "came_back"))  return _("came back");
  return field;
}

void
amends_csv_row_values_clear (AmendsCsvRowValues *values)
{
  for (guint i = 0; i < G_N_ELEMENTS (values->owned); i++)
    g_clear_pointer (&values->owned[i], g_free);
}

void
amends_csv_row_values_set (AmendsCsvRowValues *values,
                           const char         *field,
                           const char         *column,
                           const char         *text)
{
  int i = amends_csv_field_index (field);

  g_assert (i >= 0);
  g_free (values->owned[i]);
  values->text[i] = values->owned[i] = g_strdup (text);
  values->column[i] = column;
}

static const char *
row_values_get (AmendsCsvRowValues *values,
                const char         *field)
{
  return values->text[amends_csv_field_index (field)];
}

/* What each of our fields (amends_csv_case_columns()) is, found once:
 * comparing field names for every cell of 100,000 rows costs seconds. */
typedef enum
{
  FIELD_PROPERTY,          /* the case's property of the same name */
  FIELD_CUSTOMER,
  FIELD_CUSTOMER_PHONE,
  FIELD_CUSTOMER_EMAIL,
  FIELD_OWNER,
  FIELD_SURPRISE_COST,
  FIELD_REFERENCE,
} FieldKind;

typedef struct
{
  FieldKind   kind;
  GParamSpec *pspec;       /* of the case; NULL for the people */
} FieldInfo;

static const FieldInfo *
field_infos (void)
{
  static FieldInfo *infos = NULL;

  if (g_once_init_enter (&infos))
    {
      const char * const *fields = amends_csv_case_columns ();
      GObjectClass *klass = g_type_class_ref (AMENDS_TYPE_CASE);   /* kept for good */
      FieldInfo *found = g_new0 (FieldInfo, g_strv_length ((char **) fields));

      for (guint i = 0; fields[i] != NULL; i++)
        {
          g_autofree char *name = g_strdelimit (g_strdup (fields[i]), "_", '-');

          if (g_str_equal (fields[i], "customer"))
            found[i].kind = FIELD_CUSTOMER;
          else if (g_str_equal (fields[i], "customer_phone"))
            found[i].kind = FIELD_CUSTOMER_PHONE;
          else if (g_str_equal (fields[i], "customer_email"))
            found[i].kind = FIELD_CUSTOMER_EMAIL;
          else if (g_str_equal (fields[i], "owner"))
            found[i].kind = FIELD_OWNER;
          else if (g_str_equal (fields[i], "surprise_cost"))
            {
              found[i].kind = FIELD_SURPRISE_COST;
              found[i].pspec = g_object_class_find_property (klass, "surprise-cost-cents");
            }
          else
            {
              found[i].kind = g_str_equal (fields[i], "reference") ? FIELD_REFERENCE : FIELD_PROPERTY;
              found[i].pspec = g_object_class_find_property (klass, name);
            }
          g_assert (found[i].pspec != NULL || found[i].kind != FIELD_PROPERTY);
        }

      g_once_init_leave (&infos, found);
    }

  return infos;
}

static gboolean
is_blank (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

static gboolean
set_case_value (AmendsCase                  *kase,
                const char                  *field,
                GParamSpec                  *pspec,
                const char                  *column,
                const char                  *text,
                guint                        line,
                const AmendsCsvValueContext *context,
                GPtrArray                   *problems)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *stripped = NULL;
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (is_blank (text))
    return TRUE;   /* the default */

  g_value_init (&value, type);
  stripped = g_strstrip (g_strdup (text));

  if (type == G_TYPE_STRING)
    {
      g_value_set_string (&value, text);
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *time = amends_csv_parse_time (stripped, context->date_order, context->zone);

      if (time == NULL)
        {
          amends_csv_add_problem (problems, line, _("the date “%s” in %s is not a date."), stripped, column);
          return FALSE;
        }
      g_value_take_boxed (&value, time);
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      g_autofree char *down = g_ascii_strdown (stripped, -1);

      if (g_strv_contains ((const char * const[]) { "yes", "y", "true", "1", NULL }, down))
        g_value_set_boolean (&value, TRUE);
      else if (g_strv_contains ((const char * const[]) { "no", "n", "false", "0", NULL }, down))
        g_value_set_boolean (&value, FALSE);
      else
        {
          amends_csv_add_problem (problems, line, _("“%s” in %s is neither yes nor no."), stripped, column);
          return FALSE;
        }
    }
  else if (type == G_TYPE_INT64)
    {
      gint64 number = 0;

      if (!g_ascii_string_to_signed (stripped, 10, 0, G_MAXINT64, &number, NULL))
        {
          amends_csv_add_problem (problems, line, _("“%s” in %s is not a whole number."), stripped, column);
          return FALSE;
        }
      g_value_set_int64 (&value, number);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      g_autofree char *nick = normalize_nick (stripped);
      GEnumValue *ev = g_enum_get_value_by_nick (klass, nick);

      if (ev == NULL)
        {
          g_autofree char *known = list_nicks (klass);
          /* Translators: "the status “done” is not one Amends knows (open, …)." */
          amends_csv_add_problem (problems, line, _("the %s “%s” is not one Amends knows (%s)."),
                                  field_label (field), stripped, known);
          return FALSE;
        }
      g_value_set_enum (&value, ev->value);
    }
  else if (G_TYPE_IS_FLAGS (type))
    {
      GFlagsClass *klass = G_PARAM_SPEC_FLAGS (pspec)->flags_class;
      g_auto(GStrv) parts = g_strsplit_set (stripped, "|,;/", -1);
      guint flags = 0;

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_autofree char *nick = normalize_nick (parts[i]);
          GFlagsValue *fv;

          if (*nick == '\0')
            continue;
          if ((fv = g_flags_get_value_by_nick (klass, nick)) == NULL)
            {
              amends_csv_add_problem (problems, line, _("“%s” in %s is not one of reliability, assurance, "
                                                        "tangibles, empathy and responsiveness."),
                                      g_strstrip (parts[i]), column);
              return FALSE;
            }
          flags |= fv->value;
        }
      g_value_set_flags (&value, flags);
    }
  else
    g_assert_not_reached ();

  amends_record_set_value (AMENDS_RECORD (kase), pspec, &value);
  return TRUE;
}

AmendsCsvDraft *
amends_csv_draft_from_values (AmendsCsvRowValues          *values,
                              guint                        line,
                              const AmendsCsvValueContext *context,
                              GPtrArray                   *problems)
{
  const char * const *fields = amends_csv_case_columns ();
  const FieldInfo *infos = field_infos ();
  g_autoptr(AmendsCsvDraft) draft = g_new0 (AmendsCsvDraft, 1);
  const char *summary = row_values_get (values, "summary");
  gboolean ok = TRUE;

  draft->line = line;
  draft->kase = amends_case_new ();

  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *text = values->text[i];
      const char *column = values->column[i];

      if (text == NULL)
        continue;

      draft->fields |= G_GUINT64_CONSTANT (1) << i;
      switch (infos[i].kind)
        {
        case FIELD_CUSTOMER:
          draft->customer = g_strstrip (g_strdup (text));
          break;
        case FIELD_CUSTOMER_PHONE:
          draft->customer_phone = g_strstrip (g_strdup (text));
          break;
        case FIELD_CUSTOMER_EMAIL:
          draft->customer_email = g_strstrip (g_strdup (text));
          break;
        case FIELD_OWNER:
          draft->owner = g_strstrip (g_strdup (text));
          break;
        case FIELD_SURPRISE_COST:
          {
            g_autofree char *stripped = g_strstrip (g_strdup (text));
            g_auto(GValue) value = G_VALUE_INIT;
            gint64 cents = 0;

            if (!amends_money_parse_plain (stripped, &cents, NULL))
              {
                amends_csv_add_problem (problems, line, _("“%s” in %s is not an amount of money like 12.50."),
                                        stripped, column);
                ok = FALSE;
                break;
              }
            g_value_init (&value, G_TYPE_INT64);
            g_value_set_int64 (&value, cents);
            amends_record_set_value (AMENDS_RECORD (draft->kase), infos[i].pspec, &value);
          }
          break;
        case FIELD_REFERENCE:
          if (!is_blank (text))
            {
              g_auto(GValue) value = G_VALUE_INIT;

              g_value_init (&value, G_TYPE_STRING);
              g_value_take_string (&value, g_strstrip (g_strdup (text)));
              amends_record_set_value (AMENDS_RECORD (draft->kase), infos[i].pspec, &value);
            }
          break;
        case FIELD_PROPERTY:
        default:
          ok &= set_case_value (draft->kase, fields[i], infos[i].pspec, column, text,
                                line, context, problems);
          break;
        }
    }

  {
    g_autofree char *stripped = g_strstrip (g_strdup (summary ? summary : ""));

    if (*stripped == '\0')
      {
        amends_csv_add_problem (problems, line, _("the summary is empty."));
        ok = FALSE;
      }
  }

  /* Here rather than where the rows are saved: a second thread makes
   * the drafts while the first saves. */
  if (draft->customer != NULL && *draft->customer != '\0')
    draft->customer_key = amends_csv_name_key (draft->customer);
  if (draft->owner != NULL && *draft->owner != '\0')
    draft->owner_key = amends_csv_name_key (draft->owner);

  return ok ? g_steal_pointer (&draft) : NULL;
}

void
amends_csv_draft_free (AmendsCsvDraft *draft)
{
  g_clear_object (&draft->kase);
  g_free (draft->customer);
  g_free (draft->customer_phone);
  g_free (draft->customer_email);
  g_free (draft->owner);
  g_free (draft->customer_key);
  g_free (draft->owner_key);
  g_free (draft);
}
