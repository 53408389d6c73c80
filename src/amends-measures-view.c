/* amends-measures-view.c: the Measures dashboard
 *
 * "Recovery objectives must be set, monitored and displayed throughout the
 * workplace" and "put recovery expectations into every leader's
 * performance plan" (seeds/004).  For one period (a week by default, or
 * four weeks, a year): the two headline measures in large type against
 * their targets and the period before, the figures around them as tiles,
 * the eight-week trend, and the measures per owner and per category.
 *
 * Figures come from amends-store-measures.c, which says what each one
 * counts; this view only shows them.  It follows the store
 * (::changes-committed, coalesced in an idle) and the targets in
 * GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "amends-clock.h"
#include "amends-percent.h"
#include "amends-measures-sheet.h"
#include "amends-measures-view.h"

#define N_TREND_WEEKS 8
/* How long after a save the figures are measured again. */
#define RELOAD_DELAY_MS 300
#define N_TILES (AMENDS_MEASURES_TILE_RULE_BENDS + 1)
#define N_HEADLINES 2

typedef enum
{
  PERIOD_WEEK,
  PERIOD_FOUR_WEEKS,
  PERIOD_YEAR,
  PERIOD_OTHER,
} PeriodKind;

typedef struct
{
  GtkWidget *card;
  GtkLabel  *caption;
  GtkLabel  *figure;
  GtkLabel  *basis;
  GtkLabel  *target;
  GtkLabel  *change;
  GtkLabel  *compare;
  gboolean   met;
} Headline;

struct _AmendsMeasuresView
{
  GtkWidget         parent_instance;

  AmendsStore      *store;
  GSettings        *settings;
  GDateTime        *from;
  GDateTime        *until;
  PeriodKind        kind;
  char             *period_text;
  guint             reload_source;
  GCancellable     *cancellable;
  gboolean          up_to_date;

  Headline          headlines[N_HEADLINES];
  GtkLabel         *tile_values[N_TILES];
  GtkLabel         *tile_captions[N_TILES];
  GtkWidget        *tile_children[N_TILES];
  /* The period shown is over: its open counts are as it ended. */
  gboolean          period_over;

  /* template */
  GtkWidget        *scroller;
  GtkMenuButton    *period_button;
  GtkLabel         *error_label;
  GtkFlowBox       *tiles;
  AmendsTrendChart *trend_chart;
  GtkListBox       *owner_list;
  GtkListBox       *category_list;
  GtkListBox       *team_list;
};

G_DEFINE_FINAL_TYPE (AmendsMeasuresView, amends_measures_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_UP_TO_DATE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Helpers */

static gboolean
share_known (const AmendsShare *share)
{
  return share->n_of > 0 && share->share >= 0;
}

static char *
format_share (const AmendsShare *share)
{
  if (!share_known (share))
    return g_strdup ("—");

  return amends_percent_format (amends_percent_of (share->share));
}

static char *
format_seconds (gint64 seconds)
{
  if (seconds < 0)
    return g_strdup ("—");

  return amends_clock_format_span (seconds * G_TIME_SPAN_SECOND);
}

static char *
format_money (AmendsMeasuresView *self,
              gint64              cents)
{
  g_autofree char *currency = g_settings_get_string (self->settings, "currency");

  /* Translators: money, "EUR 42.50": %s is the currency's ISO code, then
   * the amount; put them in your language's order with %1$s and %2$'.2f */
  return g_strdup_printf (_("%s %'.2f"), currency, cents / 100.0);
}

static gboolean
is_midnight (GDateTime *when)
{
  return g_date_time_get_hour (when) == 0 &&
         g_date_time_get_minute (when) == 0 &&
         g_date_time_get_seconds (when) == 0.0;
}

static gboolean
is_week_start (GDateTime *when)
{
  return is_midnight (when) && g_date_time_get_day_of_week (when) == 1;
}

static PeriodKind
guess_kind (GDateTime *from,
            GDateTime *until)
{
  g_autoptr(GDateTime) week = g_date_time_add_weeks (from, 1);
  g_autoptr(GDateTime) four_weeks = g_date_time_add_weeks (from, 4);
  g_autoptr(GDateTime) year = g_date_time_add_years (from, 1);

  if (is_week_start (from) && g_date_time_equal (until, week))
    return PERIOD_WEEK;
  if (is_week_start (from) && g_date_time_equal (until, four_weeks))
    return PERIOD_FOUR_WEEKS;
  if (is_midnight (from) && g_date_time_get_day_of_year (from) == 1 &&
      g_date_time_equal (until, year))
    return PERIOD_YEAR;

  return PERIOD_OTHER;
}

/* The period @steps periods away from [from, until), of the same kind. */
static void
shift_period (PeriodKind   kind,
              GDateTime   *from,
              GDateTime   *until,
              int          steps,
              GDateTime  **new_from,
              GDateTime  **new_until)
{
  switch (kind)
    {
    case PERIOD_WEEK:
      *new_from = g_date_time_add_weeks (from, steps);
      *new_until = g_date_time_add_weeks (until, steps);
      break;

    case PERIOD_FOUR_WEEKS:
      *new_from = g_date_time_add_weeks (from, 4 * steps);
      *new_until = g_date_time_add_weeks (until, 4 * steps);
      break;

    case PERIOD_YEAR:
      *new_from = g_date_time_add_years (from, steps);
      *new_until = g_date_time_add_years (until, steps);
      break;

    case PERIOD_OTHER:
    default:
      {
        GTimeSpan span = g_date_time_difference (until, from);

        *new_from = g_date_time_add (from, span * steps);
        *new_until = g_date_time_add (until, span * steps);
      }
      break;
    }
}

/* "16–22 Nov 2026", "26 Oct – 22 Nov 2026", "28 Dec 2026 – 3 Jan 2027" */
static char *
format_days (GDateTime *first,
             GDateTime *last)
{
  /* Translators: the last day of a range of days, a g_date_time_format() format: "22 Nov 2026" */
  g_autofree char *end = g_date_time_format (last, _("%-d %b %Y"));
  g_autofree char *start = NULL;

  if (g_date_time_get_year (first) != g_date_time_get_year (last))
    start = g_date_time_format (first, _("%-d %b %Y"));
  else if (g_date_time_get_month (first) != g_date_time_get_month (last))
    /* Translators: the first day of a range within one year, a g_date_time_format() format: "26 Oct" */
    start = g_date_time_format (first, _("%-d %b"));
  else if (g_date_time_get_day_of_month (first) != g_date_time_get_day_of_month (last))
    {
      /* Translators: the first day of a range within one month, a g_date_time_format() format: "16" */
      start = g_date_time_format (first, _("%-d"));
      /* Translators: a range of days within one month: "16–22 Nov 2026" */
      return g_strdup_printf (_("%s–%s"), start, end);
    }
  else
    return g_steal_pointer (&end);

  /* Translators: a range of days across months: "26 Oct – 22 Nov 2026" */
  return g_strdup_printf (_("%s – %s"), start, end);
}

static char *
format_period (PeriodKind  kind,
               GDateTime  *from,
               GDateTime  *until)
{
  g_autoptr(GDateTime) last = g_date_time_add_seconds (until, -1);
  g_autofree char *days = format_days (from, last);

  switch (kind)
    {
    case PERIOD_WEEK:
      /* Translators: the period picker: "Week 47 · 16–22 Nov 2026" */
      return g_strdup_printf (_("Week %d · %s"), g_date_time_get_week_of_year (from), days);

    case PERIOD_FOUR_WEEKS:
      /* Translators: the period picker: "Weeks 44–47 · 26 Oct – 22 Nov 2026" */
      return g_strdup_printf (_("Weeks %d–%d · %s"),
                              g_date_time_get_week_of_year (from),
                              g_date_time_get_week_of_year (last),
                              days);

    case PERIOD_YEAR:
      return g_date_time_format (from, "%Y");

    case PERIOD_OTHER:
    default:
      return g_steal_pointer (&days);
    }
}

static const char *
compare_text (PeriodKind kind)
{
  switch (kind)
    {
    case PERIOD_WEEK:
      /* Translators: after a change in points: "▲ 5 points" "on the week before" */
      return _("on the week before");
    case PERIOD_FOUR_WEEKS:
      /* Translators: after a change in points: "▲ 5 points" "on the 4 weeks before" */
      return _("on the 4 weeks before");
    case PERIOD_YEAR:
      /* Translators: after a change in points: "▲ 5 points" "on the year before" */
      return _("on the year before");
    case PERIOD_OTHER:
    default:
      /* Translators: after a change in points: "▲ 5 points" "on the period before" */
      return _("on the period before");
    }
}

static void
show_error (AmendsMeasuresView *self,
            const GError       *error)
{
  /* Translators: above the dashboard when the figures could not be read */
  g_autofree char *text = g_strdup_printf (_("The measures could not be read: %s"), error->message);

  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* Headlines */

static void
update_headline (AmendsMeasuresView *self,
                 Headline           *h,
                 const char         *caption,
                 const AmendsShare  *share,
                 const AmendsShare  *before,
                 int                 target,
                 const char         *empty_hint,
                 const char         *note)
{
  g_autofree char *figure = format_share (share);
  g_autofree char *target_text = NULL;
  g_autofree char *basis = NULL;
  g_autofree char *change = NULL;
  g_autofree char *target_percent = amends_percent_format (target);
  g_autofree char *description = NULL;
  const char *compare;
  gboolean known = share_known (share);
  int percent = known ? amends_percent_of (share->share) : -1;

  gtk_label_set_text (h->caption, caption);
  gtk_label_set_text (h->figure, figure);
  h->met = known && percent >= target;

  if (known)
    gtk_widget_remove_css_class (GTK_WIDGET (h->figure), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (h->figure), "dim-label");

  gtk_widget_remove_css_class (GTK_WIDGET (h->figure), "target-met");
  gtk_widget_remove_css_class (GTK_WIDGET (h->figure), "target-missed");
  if (known)
    gtk_widget_add_css_class (GTK_WIDGET (h->figure), h->met ? "target-met" : "target-missed");

  if (known)
    /* Translators: under a headline share: "5 of 6 cases" */
    basis = g_strdup_printf (ngettext ("%u of %u case", "%u of %u cases", share->n_of),
                             share->n_counted, share->n_of);
  else
    basis = g_strdup (empty_hint);
  if (note != NULL)
    {
      /* Translators: what a headline share leaves out, after its basis:
       * "6 of 7 cases; 1 still within its clock" */
      g_autofree char *both = g_strdup_printf (_("%s; %s"), basis, note);
      g_free (basis);
      basis = g_steal_pointer (&both);
    }
  gtk_label_set_text (h->basis, basis);

  if (!known)
    /* Translators: under a headline with nothing to measure: "Target 90 %" */
    target_text = g_strdup_printf (_("Target %s"), target_percent);
  else if (h->met)
    /* Translators: under a headline share: "Target 90 % · met" */
    target_text = g_strdup_printf (_("Target %s · met"), target_percent);
  else
    /* Translators: under a headline share: "Target 90 % · 7 points short" */
    target_text = g_strdup_printf (ngettext ("Target %s · %d point short",
                                             "Target %s · %d points short",
                                             target - percent),
                                   target_percent, target - percent);
  gtk_label_set_text (h->target, target_text);

  gtk_widget_remove_css_class (GTK_WIDGET (h->change), "change-up");
  gtk_widget_remove_css_class (GTK_WIDGET (h->change), "change-down");
  if (known && share_known (before))
    {
      int points = percent - amends_percent_of (before->share);

      if (points > 0)
        /* Translators: a rise since the period before, in percentage points */
        change = g_strdup_printf (ngettext ("▲ %d point", "▲ %d points", points), points);
      else if (points < 0)
        /* Translators: a fall since the period before, in percentage points */
        change = g_strdup_printf (ngettext ("▼ %d point", "▼ %d points", -points), -points);
      else
        /* Translators: the same share as the period before */
        change = g_strdup (_("No change"));

      if (points != 0)
        gtk_widget_add_css_class (GTK_WIDGET (h->change), points > 0 ? "change-up" : "change-down");
      compare = compare_text (self->kind);
    }
  else
    {
      change = g_strdup ("");
      /* Translators: under a headline share, when the period before had nothing to measure */
      compare = known ? _("Nothing to compare with before") : "";
    }
  gtk_label_set_text (h->change, change);
  gtk_label_set_text (h->compare, compare);
  gtk_widget_set_visible (GTK_WIDGET (h->change), *change != '\0');

  /* One sentence for a screen reader, in the order the eye reads the card. */
  description = g_strjoin (", ", figure, basis, target_text, change, compare, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (h->card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, caption,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Tiles */

static const struct {
  const char *caption;
  const char *tooltip;
} tile_texts[N_TILES] = {
  [AMENDS_MEASURES_TILE_CASES] = { N_("Cases this period"), N_("Breakdowns that happened in the period") },
  [AMENDS_MEASURES_TILE_OPEN] = { N_("Open now"), N_("Cases open or in recovery now, whenever they happened") },
  [AMENDS_MEASURES_TILE_OVERDUE] = { N_("Overdue now"), N_("Open cases past their recovery time now") },
  [AMENDS_MEASURES_TILE_UNOWNED] = { N_("Unowned now"), N_("Open cases that nobody has taken ownership of") },
  [AMENDS_MEASURES_TILE_PENDING] = { N_("Not yet due"), N_("Cases of the period still open, with time left on the clock") },
  [AMENDS_MEASURES_TILE_MEDIAN] = { N_("Median time to recovery"), N_("Half the cases recovered in the period took this long or less") },
  [AMENDS_MEASURES_TILE_P90] = { N_("Nine in ten recovered within"), N_("The 90th percentile of the time to recovery") },
  [AMENDS_MEASURES_TILE_PROACTIVE] = { N_("Staff noticed first"), N_("Breakdowns staff noticed before the customer said anything") },
  [AMENDS_MEASURES_TILE_SURPRISE_SPEND] = { N_("Spent on surprises"), N_("The cost of the surprises of the cases recovered in the period") },
  [AMENDS_MEASURES_TILE_RULE_BENDS] = { N_("Rules bent"), N_("Cases where a rule was bent to put things right") },
};

/* The open counts of a period that is over are as it ended. */
static const struct {
  AmendsMeasuresTile tile;
  const char        *caption;
  const char        *tooltip;
} ended_tile_texts[] = {
  { AMENDS_MEASURES_TILE_OPEN, N_("Open as it ended"), N_("Cases open or in recovery at the end of the period") },
  { AMENDS_MEASURES_TILE_OVERDUE, N_("Overdue as it ended"), N_("Open cases past their recovery time at the end of the period") },
  { AMENDS_MEASURES_TILE_UNOWNED, N_("Unowned as it ended"), N_("Cases open at the end of the period that nobody owns now") },
};

static const char *
tile_caption (AmendsMeasuresView *self,
              AmendsMeasuresTile  tile,
              const char        **tooltip)
{
  for (guint i = 0; self->period_over && i < G_N_ELEMENTS (ended_tile_texts); i++)
    if (ended_tile_texts[i].tile == tile)
      {
        *tooltip = _(ended_tile_texts[i].tooltip);
        return _(ended_tile_texts[i].caption);
      }

  *tooltip = _(tile_texts[tile].tooltip);
  return _(tile_texts[tile].caption);
}

static void
create_tiles (AmendsMeasuresView *self)
{
  for (guint i = 0; i < N_TILES; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *value = gtk_label_new ("—");
      GtkWidget *caption = gtk_label_new (_(tile_texts[i].caption));
      GtkWidget *child = gtk_flow_box_child_new ();

      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "measure-tile");
      gtk_widget_set_tooltip_text (box, _(tile_texts[i].tooltip));

      /* A flow box lines up as many tiles as their natural widths allow:
       * keep that small, and let a large sum of money wrap rather than be
       * cut short. */
      gtk_label_set_xalign (GTK_LABEL (value), 0.0);
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (value), 6);
      gtk_widget_add_css_class (value, "tile-value");
      gtk_widget_add_css_class (value, "numeric");

      gtk_label_set_xalign (GTK_LABEL (caption), 0.0);
      /* Narrow enough that five tiles fit a line on a wide window. */
      gtk_label_set_width_chars (GTK_LABEL (caption), 10);
      gtk_label_set_max_width_chars (GTK_LABEL (caption), 16);
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_lines (GTK_LABEL (caption), 2);
      gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_add_css_class (caption, "dim-label");

      gtk_box_append (GTK_BOX (box), value);
      gtk_box_append (GTK_BOX (box), caption);
      gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
      gtk_flow_box_append (self->tiles, child);

      self->tile_values[i] = GTK_LABEL (value);
      self->tile_captions[i] = GTK_LABEL (caption);
      self->tile_children[i] = child;
    }
}

static void
set_tile (AmendsMeasuresView *self,
          AmendsMeasuresTile  tile,
          char               *text)
{
  g_autofree char *owned = text;
  g_autofree char *label = NULL;
  const char *tooltip;
  const char *caption = tile_caption (self, tile, &tooltip);

  gtk_label_set_text (self->tile_values[tile], text);
  gtk_label_set_text (self->tile_captions[tile], caption);
  gtk_widget_set_tooltip_text (gtk_widget_get_parent (GTK_WIDGET (self->tile_values[tile])), tooltip);

  /* Translators: a tile read by a screen reader: "Overdue now: 2" */
  label = g_strdup_printf (_("%s: %s"), caption, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->tile_children[tile]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
}

static void
update_tiles (AmendsMeasuresView   *self,
              const AmendsMeasures *m)
{
  GtkWidget *overdue = GTK_WIDGET (self->tile_values[AMENDS_MEASURES_TILE_OVERDUE]);
  GtkWidget *unowned = GTK_WIDGET (self->tile_values[AMENDS_MEASURES_TILE_UNOWNED]);

  set_tile (self, AMENDS_MEASURES_TILE_CASES, g_strdup_printf ("%u", m->n_happened));
  set_tile (self, AMENDS_MEASURES_TILE_OPEN, g_strdup_printf ("%u", m->n_open));
  set_tile (self, AMENDS_MEASURES_TILE_OVERDUE, g_strdup_printf ("%u", m->n_overdue));
  set_tile (self, AMENDS_MEASURES_TILE_UNOWNED, g_strdup_printf ("%u", m->n_unowned));
  set_tile (self, AMENDS_MEASURES_TILE_PENDING, g_strdup_printf ("%u", m->n_pending));
  set_tile (self, AMENDS_MEASURES_TILE_MEDIAN, format_seconds (m->median_seconds));
  set_tile (self, AMENDS_MEASURES_TILE_P90, format_seconds (m->p90_seconds));
  set_tile (self, AMENDS_MEASURES_TILE_PROACTIVE, format_share (&m->proactive));
  set_tile (self, AMENDS_MEASURES_TILE_SURPRISE_SPEND, format_money (self, m->surprise_cents));
  set_tile (self, AMENDS_MEASURES_TILE_RULE_BENDS, g_strdup_printf ("%u", m->n_rule_bends));

  /* What needs someone now stands out; nothing to worry about stays calm. */
  if (m->n_overdue > 0)
    gtk_widget_add_css_class (overdue, "overdue");
  else
    gtk_widget_remove_css_class (overdue, "overdue");
  if (m->n_unowned > 0)
    gtk_widget_add_css_class (unowned, "unowned");
  else
    gtk_widget_remove_css_class (unowned, "unowned");
}

/* Tables */

enum {
  COLUMN_NAME,
  COLUMN_CASES,
  COLUMN_WITHIN,
  COLUMN_BLOWN,
  COLUMN_MEDIAN,
  N_COLUMNS
};

/* Most cases of the period first, as the "Cases" column counts them; the
 * sort is stable, so the store's order breaks ties. */
static int
compare_rows_by_cases (gconstpointer a,
                       gconstpointer b)
{
  const AmendsMeasureRow *ra = *(AmendsMeasureRow * const *) a;
  const AmendsMeasureRow *rb = *(AmendsMeasureRow * const *) b;

  if (ra->measures.n_happened != rb->measures.n_happened)
    return ra->measures.n_happened > rb->measures.n_happened ? -1 : 1;

  return 0;
}

static GtkWidget *
table_row_new (const char * const *cells,
               gboolean            header)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_add_css_class (box, "measures-row");
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkWidget *label = gtk_label_new (cells[i]);

      if (i == COLUMN_NAME)
        {
          gtk_widget_set_hexpand (label, TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0.0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_widget_set_size_request (label, 120, -1);
        }
      else
        {
          gtk_label_set_xalign (GTK_LABEL (label), 1.0);
          gtk_label_set_width_chars (GTK_LABEL (label), i == COLUMN_CASES ? 6 : 11);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
          gtk_label_set_wrap (GTK_LABEL (label), header);
          gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
          gtk_widget_add_css_class (label, "numeric");
        }

      if (header)
        {
          gtk_widget_add_css_class (label, "caption-heading");
          gtk_widget_add_css_class (label, "dim-label");
          gtk_widget_set_valign (label, GTK_ALIGN_END);
        }

      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  if (header)
    {
      gtk_widget_set_focusable (row, FALSE);
      gtk_widget_add_css_class (row, "header-row");
      /* The row's cells are said with each row instead. */
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
    }

  return row;
}

static void
clear_list (GtkListBox *list)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (list)));)
    gtk_list_box_remove (list, child);
}

static void
fill_table (AmendsMeasuresView *self,
            GtkListBox         *list,
            AmendsMeasureBy     by,
            GPtrArray          *rows,
            int                 hours)
{
  g_autofree char *within_heading = NULL;
  const char *header[N_COLUMNS];

  clear_list (list);

  header[COLUMN_NAME] = by == AMENDS_MEASURE_BY_OWNER ? _("Owner")
                      : by == AMENDS_MEASURE_BY_TEAM ? _("Team")
                      : _("Category");
  header[COLUMN_CASES] = _("Cases");
  /* Translators: a column heading: "Within 24 h" */
  within_heading = g_strdup_printf (ngettext ("Within %d h", "Within %d h", hours), hours);
  header[COLUMN_WITHIN] = within_heading;
  header[COLUMN_BLOWN] = _("Blown away");
  /* Translators: a column heading: the median time to recovery */
  header[COLUMN_MEDIAN] = _("Median time");
  gtk_list_box_append (list, table_row_new (header, TRUE));

  if (rows == NULL || rows->len == 0)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (_("No cases in this period."));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (list, row);
      return;
    }

  g_ptr_array_sort (rows, compare_rows_by_cases);

  for (guint i = 0; i < rows->len; i++)
    {
      const AmendsMeasureRow *r = rows->pdata[i];
      g_autofree char *cases = g_strdup_printf ("%u", r->measures.n_happened);
      g_autofree char *within = format_share (&r->measures.recovered_within);
      g_autofree char *blown = format_share (&r->measures.blown_away);
      g_autofree char *median = format_seconds (r->measures.median_seconds);
      g_autofree char *label = NULL;
      const char *cells[N_COLUMNS] = { r->name, cases, within, blown, median };
      GtkWidget *row = table_row_new (cells, FALSE);

      if (by == AMENDS_MEASURE_BY_OWNER && r->staff_id == 0)
        gtk_widget_add_css_class (row, "unowned-row");

      /* Translators: a table row read by a screen reader: "Ada Moreau: 5 cases,
       * within 24 h 80 %, blown away 50 %, median time 3 h" */
      label = g_strdup_printf (_("%s: %s cases, %s %s, %s %s, %s %s"),
                               r->name, cases,
                               header[COLUMN_WITHIN], within,
                               header[COLUMN_BLOWN], blown,
                               header[COLUMN_MEDIAN], median);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      g_object_set_data_full (G_OBJECT (row), "cells",
                              g_strjoinv ("\t", (char **) (const char *[]) { r->name, cases, within, blown, median, NULL }),
                              g_free);
      gtk_list_box_append (list, row);
    }
}

/* Loading */

static void
update_period_label (AmendsMeasuresView *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) next_from = NULL;
  g_autoptr(GDateTime) next_until = NULL;

  g_free (self->period_text);
  self->period_text = format_period (self->kind, self->from, self->until);
  gtk_menu_button_set_label (self->period_button, self->period_text);

  /* Nothing to see in a period that has not begun. */
  now = self->store != NULL ? amends_store_dup_now (self->store) : g_date_time_new_now_local ();
  shift_period (self->kind, self->from, self->until, 1, &next_from, &next_until);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.next",
                                 g_date_time_compare (next_from, now) <= 0);
}

/* Shows a sheet measured in a worker thread; see start_measuring(). */
static void
show_sheet (AmendsMeasuresView        *self,
            const AmendsMeasuresSheet *sheet)
{
  const AmendsMeasures *m = &sheet->period;
  const AmendsMeasures *before = &sheet->before;
  g_autofree char *within_caption = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *unrecorded = NULL;
  int hours, target_within, target_blown;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  hours = g_settings_get_int (self->settings, "recovery-target-hours");
  target_within = g_settings_get_int (self->settings, "target-recovered-within");
  target_blown = g_settings_get_int (self->settings, "target-blown-away");

  /* Translators: the caption of a headline measure: "Recovered within 24 h" */
  within_caption = g_strdup_printf (ngettext ("Recovered within %d h", "Recovered within %d h", hours), hours);
  /* Never silently dropped: the cases still on their clock, and the
   * recoveries whose reaction nobody wrote down. */
  if (m->n_pending > 0)
    pending = g_strdup_printf (ngettext ("%u still within its clock", "%u still within their clock",
                                         m->n_pending),
                               m->n_pending);
  if (m->n_reaction_unknown > 0)
    /* Translators: "reaction not recorded: 1 of 7" recovered cases */
    unrecorded = g_strdup_printf (_("reaction not recorded: %u of %u"), m->n_reaction_unknown, m->n_recovered);

  update_headline (self, &self->headlines[AMENDS_MEASURES_HEADLINE_RECOVERED_WITHIN],
                   within_caption, &m->recovered_within, &before->recovered_within, target_within,
                   _("Nothing to measure yet: no case of this period has been recovered or run past its time."),
                   pending);
  update_headline (self, &self->headlines[AMENDS_MEASURES_HEADLINE_BLOWN_AWAY],
                   /* Translators: the caption of a headline measure */
                   _("Customers blown away"), &m->blown_away, &before->blown_away, target_blown,
                   _("Nothing to measure yet: no case recovered in this period has the customer’s reaction recorded."),
                   unrecorded);

  self->period_over = m->as_of < sheet->now;

  update_tiles (self, m);

  amends_trend_chart_set_target_hours (self->trend_chart, hours);
  amends_trend_chart_set_targets (self->trend_chart, target_within, target_blown);
  amends_trend_chart_set_weeks (self->trend_chart, sheet->weeks, sheet->last_week);

  fill_table (self, self->owner_list, AMENDS_MEASURE_BY_OWNER, sheet->owners, hours);
  fill_table (self, self->team_list, AMENDS_MEASURE_BY_TEAM, sheet->teams, hours);
  fill_table (self, self->category_list, AMENDS_MEASURE_BY_CATEGORY, sheet->categories, hours);
}

static void
set_up_to_date (AmendsMeasuresView *self,
                gboolean            up_to_date)
{
  if (self->up_to_date == up_to_date)
    return;

  self->up_to_date = up_to_date;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UP_TO_DATE]);
}

static void
on_sheet_measured_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  GWeakRef *weak = data;
  g_autoptr(AmendsMeasuresView) self = g_weak_ref_get (weak);
  g_autoptr(AmendsMeasuresSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (weak);
  g_free (weak);

  sheet = amends_measures_sheet_measure_finish (result, &error);
  /* Superseded by a newer measurement, or the view is gone. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  if (sheet != NULL)
    show_sheet (self, sheet);
  else
    show_error (self, error);
  set_up_to_date (self, TRUE);
}

/* Measures the period, the one before, the trend's weeks and the tables
 * in a worker thread; the figures shown stay until the new ones come. */
static void
start_measuring (AmendsMeasuresView *self)
{
  g_autoptr(GDateTime) before_from = NULL;
  g_autoptr(GDateTime) before_until = NULL;
  g_autoptr(GDateTime) now = amends_store_dup_now (self->store);
  g_autoptr(GDateTime) last = g_date_time_add_seconds (self->until, -1);
  g_autoptr(GDateTime) last_week = NULL;
  GWeakRef *weak = g_new0 (GWeakRef, 1);

  g_assert (self->cancellable == NULL);

  shift_period (self->kind, self->from, self->until, -1, &before_from, &before_until);
  /* The trend ends with the period's last week, or this week if that is
   * still to come. */
  last_week = amends_iso_week_start (g_date_time_compare (last, now) > 0 ? now : last);

  /* Weak: a view closed meanwhile is not kept alive for its figures. */
  g_weak_ref_init (weak, self);
  self->cancellable = g_cancellable_new ();
  amends_measures_sheet_measure_async (self->store, self->from, self->until,
                                       before_from, before_until, last_week, N_TREND_WEEKS,
                                       AMENDS_MEASURES_SHEET_BEFORE |
                                       AMENDS_MEASURES_SHEET_WEEKS |
                                       AMENDS_MEASURES_SHEET_TABLES,
                                       self->cancellable, on_sheet_measured_cb, weak);
}

/* The figures shown are no longer those of the period and the cases as
 * they are: whatever was being measured is of no use any more. */
static void
invalidate (AmendsMeasuresView *self)
{
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  set_up_to_date (self, FALSE);
}

/**
 * amends_measures_view_reload:
 *
 * Measures the period again: at once if the view is shown, otherwise
 * when it next is.
 */
void
amends_measures_view_reload (AmendsMeasuresView *self)
{
  g_return_if_fail (AMENDS_IS_MEASURES_VIEW (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  update_period_label (self);

  if (self->store == NULL)
    return;

  invalidate (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_measuring (self);
}

static gboolean
reload_cb (gpointer data)
{
  AmendsMeasuresView *self = data;

  self->reload_source = 0;
  amends_measures_view_reload (self);

  return G_SOURCE_REMOVE;
}

/* After a commit or a change of targets: once things settle, as a save
 * often comes with others. */
static void
queue_reload (AmendsMeasuresView *self)
{
  invalidate (self);
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_cb, self);
}

static void
on_changes_committed_cb (AmendsMeasuresView *self)
{
  queue_reload (self);
}

static void
on_settings_changed_cb (AmendsMeasuresView *self,
                        const char         *key,
                        GSettings          *settings)
{
  if (g_str_equal (key, "recovery-target-hours") ||
      g_str_equal (key, "target-recovered-within") ||
      g_str_equal (key, "target-blown-away") ||
      g_str_equal (key, "currency"))
    queue_reload (self);
}

static void
set_period_full (AmendsMeasuresView *self,
                 PeriodKind          kind,
                 GDateTime          *from,
                 GDateTime          *until)
{
  GDateTime *old_from = self->from;
  GDateTime *old_until = self->until;

  self->kind = kind;
  self->from = g_date_time_ref (from);
  self->until = g_date_time_ref (until);
  g_clear_pointer (&old_from, g_date_time_unref);
  g_clear_pointer (&old_until, g_date_time_unref);

  amends_measures_view_reload (self);
}

/* Actions */

static void
shift_action (AmendsMeasuresView *self,
              int                 steps)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;

  shift_period (self->kind, self->from, self->until, steps, &from, &until);
  set_period_full (self, self->kind, from, until);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  shift_action (AMENDS_MEASURES_VIEW (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  shift_action (AMENDS_MEASURES_VIEW (widget), 1);
}

static void
period_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmendsMeasuresView *self = AMENDS_MEASURES_VIEW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autoptr(GDateTime) now = self->store != NULL ? amends_store_dup_now (self->store)
                                                 : g_date_time_new_now_local ();
  g_autoptr(GDateTime) week = amends_iso_week_start (now);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  PeriodKind kind;

  if (g_str_equal (name, "this-week"))
    {
      kind = PERIOD_WEEK;
      from = g_date_time_ref (week);
      until = g_date_time_add_weeks (week, 1);
    }
  else if (g_str_equal (name, "last-week"))
    {
      kind = PERIOD_WEEK;
      from = g_date_time_add_weeks (week, -1);
      until = g_date_time_ref (week);
    }
  else if (g_str_equal (name, "last-4-weeks"))
    {
      kind = PERIOD_FOUR_WEEKS;
      from = g_date_time_add_weeks (week, -3);
      until = g_date_time_add_weeks (week, 1);
    }
  else if (g_str_equal (name, "this-year"))
    {
      kind = PERIOD_YEAR;
      from = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now), 1, 1, 0, 0, 0);
      until = g_date_time_add_years (from, 1);
    }
  else
    {
      g_warning ("Unknown period “%s”", name);
      return;
    }

  set_period_full (self, kind, from, until);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  amends_measures_view_reload (AMENDS_MEASURES_VIEW (widget));
}

/* GObject */

static void
amends_measures_view_dispose (GObject *object)
{
  AmendsMeasuresView *self = AMENDS_MEASURES_VIEW (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_MEASURES_VIEW);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (amends_measures_view_parent_class)->dispose (object);
}

/* Figures that went stale while hidden are measured as the view shows. */
static void
amends_measures_view_map (GtkWidget *widget)
{
  AmendsMeasuresView *self = AMENDS_MEASURES_VIEW (widget);

  GTK_WIDGET_CLASS (amends_measures_view_parent_class)->map (widget);

  if (self->store != NULL && !self->up_to_date && self->cancellable == NULL && self->reload_source == 0)
    start_measuring (self);
}

static void
amends_measures_view_finalize (GObject *object)
{
  AmendsMeasuresView *self = AMENDS_MEASURES_VIEW (object);

  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
  g_clear_pointer (&self->period_text, g_free);

  G_OBJECT_CLASS (amends_measures_view_parent_class)->finalize (object);
}

static void
amends_measures_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AmendsMeasuresView *self = AMENDS_MEASURES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_UP_TO_DATE:
      g_value_set_boolean (value, self->up_to_date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_measures_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AmendsMeasuresView *self = AMENDS_MEASURES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      amends_measures_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_measures_view_class_init (AmendsMeasuresViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_measures_view_dispose;
  object_class->finalize = amends_measures_view_finalize;
  object_class->get_property = amends_measures_view_get_property;
  object_class->set_property = amends_measures_view_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * AmendsMeasuresView:up-to-date:
   *
   * Whether the figures shown are those of the period and the cases as
   * they are now.  FALSE from a change (of the period, the cases or the
   * targets) until the new figures are shown; they are measured only
   * while the view is shown.
   */
  properties [PROP_UP_TO_DATE] =
    g_param_spec_boolean ("up-to-date", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->map = amends_measures_view_map;

  g_type_ensure (AMENDS_TYPE_TREND_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-measures-view.ui");

  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, scroller);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, period_button);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, error_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, tiles);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, owner_list);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, category_list);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasuresView, team_list);

#define BIND_HEADLINE(i, prefix) \
  gtk_widget_class_bind_template_child_full (widget_class, #prefix "_card", FALSE, \
                                             G_STRUCT_OFFSET (AmendsMeasuresView, headlines[i].card)); \
  gtk_widget_class_bind_template_child_full (widget_class, #prefix "_caption", FALSE, \
                                             G_STRUCT_OFFSET (AmendsMeasuresView, headlines[i].caption)); \
  gtk_widget_class_bind_template_child_full (widget_class, #prefix "_figure", FALSE, \
                                             G_STRUCT_OFFSET (AmendsMeasuresView, headlines[i].figure)); \
  gtk_widget_class_bind_template_child_full (widget_class, #prefix "_basis", FALSE, \
                                             G_STRUCT_OFFSET (AmendsMeasuresView, headlines[i].basis)); \
  gtk_widget_class_bind_template_child_full (widget_class, #prefix "_target", FALSE, \
                                             G_STRUCT_OFFSET (AmendsMeasuresView, headlines[i].target)); \
  gtk_widget_class_bind_template_child_full (widget_class, #prefix "_change", FALSE, \
                                             G_STRUCT_OFFSET (AmendsMeasuresView, headlines[i].change)); \
  gtk_widget_class_bind_template_child_full (widget_class, #prefix "_compare", FALSE, \
                                             G_STRUCT_OFFSET (AmendsMeasuresView, headlines[i].compare))
  BIND_HEADLINE (AMENDS_MEASURES_HEADLINE_RECOVERED_WITHIN, recovered);
  BIND_HEADLINE (AMENDS_MEASURES_HEADLINE_BLOWN_AWAY, blown);
#undef BIND_HEADLINE

  gtk_widget_class_install_action (widget_class, "measures.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "measures.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "measures.period", "s", period_action);
  gtk_widget_class_install_action (widget_class, "measures.refresh", NULL, refresh_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "measures.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "measures.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "measures.refresh", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "measuresview");
}

static void
amends_measures_view_init (AmendsMeasuresView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (on_settings_changed_cb), self, G_CONNECT_SWAPPED);

  create_tiles (self);

  self->kind = PERIOD_WEEK;
  self->from = amends_iso_week_start (now);
  self->until = g_date_time_add_weeks (self->from, 1);
  update_period_label (self);
}

GtkWidget *
amends_measures_view_new (void)
{
  return g_object_new (AMENDS_TYPE_MEASURES_VIEW, NULL);
}

AmendsStore *
amends_measures_view_get_store (AmendsMeasuresView *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), NULL);

  return self->store;
}

/**
 * amends_measures_view_set_store:
 *
 * Gives the view its store, once; it shows the week that is now by the
 * store's clock.
 */
void
amends_measures_view_set_store (AmendsMeasuresView *self,
                                AmendsStore        *store)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;

  g_return_if_fail (AMENDS_IS_MEASURES_VIEW (self));
  g_return_if_fail (store == NULL || AMENDS_IS_STORE (store));

  if (self->store == store)
    return;
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changes-committed",
                           G_CALLBACK (on_changes_committed_cb), self, G_CONNECT_SWAPPED);

  now = amends_store_dup_now (store);
  from = amends_iso_week_start (now);
  until = g_date_time_add_weeks (from, 1);
  set_period_full (self, PERIOD_WEEK, from, until);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

/**
 * amends_measures_view_set_period:
 * @from: the period's first moment
 * @until: the moment after its last
 *
 * Shows [from, until).  A week, four weeks from a Monday or a calendar
 * year is recognised as such, so that previous and next move by as much.
 */
void
amends_measures_view_set_period (AmendsMeasuresView *self,
                                 GDateTime          *from,
                                 GDateTime          *until)
{
  g_return_if_fail (AMENDS_IS_MEASURES_VIEW (self));
  g_return_if_fail (from != NULL && until != NULL);
  g_return_if_fail (g_date_time_compare (from, until) < 0);

  set_period_full (self, guess_kind (from, until), from, until);
}

GDateTime *
amends_measures_view_get_from (AmendsMeasuresView *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), NULL);

  return self->from;
}

GDateTime *
amends_measures_view_get_until (AmendsMeasuresView *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), NULL);

  return self->until;
}

/* "Week 47 · 16–22 Nov 2026", as the period picker shows it */
const char *
amends_measures_view_get_period_text (AmendsMeasuresView *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), NULL);

  return self->period_text;
}

/* "83 %", or "—" when there is nothing to measure */
const char *
amends_measures_view_get_headline_figure (AmendsMeasuresView     *self,
                                          AmendsMeasuresHeadline  headline)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), NULL);
  g_return_val_if_fail (headline < N_HEADLINES, NULL);

  return gtk_label_get_text (self->headlines[headline].figure);
}

/* "Target 90 % · 7 points short" */
const char *
amends_measures_view_get_headline_target (AmendsMeasuresView     *self,
                                          AmendsMeasuresHeadline  headline)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), NULL);
  g_return_val_if_fail (headline < N_HEADLINES, NULL);

  return gtk_label_get_text (self->headlines[headline].target);
}

/* "3 of 5 cases; 1 still within its clock" */
const char *
amends_measures_view_get_headline_basis (AmendsMeasuresView     *self,
                                         AmendsMeasuresHeadline  headline)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), NULL);
  g_return_val_if_fail (headline < N_HEADLINES, NULL);

  return gtk_label_get_text (self->headlines[headline].basis);
}

/* "▲ 5 points", "No change", or "" when there is nothing to compare */
const char *
amends_measures_view_get_headline_change (AmendsMeasuresView     *self,
                                          AmendsMeasuresHeadline  headline)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), NULL);
  g_return_val_if_fail (headline < N_HEADLINES, NULL);

  return gtk_label_get_text (self->headlines[headline].change);
}

gboolean
amends_measures_view_get_headline_met (AmendsMeasuresView     *self,
                                       AmendsMeasuresHeadline  headline)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), FALSE);
  g_return_val_if_fail (headline < N_HEADLINES, FALSE);

  return self->headlines[headline].met;
}

const char *
amends_measures_view_get_tile_text (AmendsMeasuresView *self,
                                    AmendsMeasuresTile  tile)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), NULL);
  g_return_val_if_fail (tile < N_TILES, NULL);

  return gtk_label_get_text (self->tile_values[tile]);
}

const char *
amends_measures_view_get_tile_caption (AmendsMeasuresView *self,
                                       AmendsMeasuresTile  tile)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), NULL);
  g_return_val_if_fail (tile < N_TILES, NULL);

  return gtk_label_get_text (self->tile_captions[tile]);
}

static GtkListBox *
list_of (AmendsMeasuresView *self,
         AmendsMeasureBy     by)
{
  switch (by)
    {
    case AMENDS_MEASURE_BY_OWNER: return self->owner_list;
    case AMENDS_MEASURE_BY_TEAM:  return self->team_list;
    default:                      return self->category_list;
    }
}

/* How many lines the owner or category table shows, not its heading. */
guint
amends_measures_view_get_n_rows (AmendsMeasuresView *self,
                                 AmendsMeasureBy     by)
{
  guint n = 0;

  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list_of (self, by)));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "cells") != NULL)
      n++;

  return n;
}

/**
 * amends_measures_view_dup_row_text:
 *
 * Returns: (nullable): the cells of a line of the owner or category table,
 *   joined by tabs: "Ada Moreau\t3\t100 %\t50 %\t6 h 30 min"
 */
char *
amends_measures_view_dup_row_text (AmendsMeasuresView *self,
                                   AmendsMeasureBy     by,
                                   guint               index)
{
  guint n = 0;

  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list_of (self, by)));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *cells = g_object_get_data (G_OBJECT (row), "cells");

      if (cells != NULL && n++ == index)
        return g_strdup (cells);
    }

  return NULL;
}

AmendsTrendChart *
amends_measures_view_get_trend_chart (AmendsMeasuresView *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), NULL);

  return self->trend_chart;
}

/**
 * amends_measures_view_get_up_to_date:
 *
 * Returns: whether the figures shown are those of the period and the
 *   cases as they are; see #AmendsMeasuresView:up-to-date
 */
gboolean
amends_measures_view_get_up_to_date (AmendsMeasuresView *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURES_VIEW (self), FALSE);

  return self->up_to_date;
}
