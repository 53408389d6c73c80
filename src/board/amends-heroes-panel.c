/* amends-heroes-panel.c: who put things right this week, month or year
 *
 * "Recognize and reward service recovery heroes consistently" (seeds/004):
 * the panel counts, for each member of staff, the told stories they are a
 * hero of and the recoveries they owned whose customer was blown away, in
 * this week, month or year, best first, the best marked with a star.
 * Periods are calendar periods in local time (weeks are ISO weeks, from
 * Monday), from the store's idea of now so that tests can fix it.
 *
 * The counts are read by a worker thread on a connection of its own, only
 * while the panel is shown, a moment after the last of a burst of changes
 * (the case editor saves as a person types); a count still running when
 * another is asked for is cancelled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-heroes-panel"

#include "config.h"

#include "amends-heroes-panel.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "amends-accessible.h"
#include "amends-store-stories.h"

struct _AmendsHeroesPanel
{
  GtkWidget           parent_instance;

  AmendsStore        *store;
  AmendsHeroesPeriod  period;
  guint               n_heroes;
  /* Changes came while hidden: count again when shown. */
  gboolean            stale;
  guint               refresh_source;
  GCancellable       *counting;
  GPtrArray          *shown;          /* AmendsHeroCount, as on screen */

  GtkToggleButton    *week_button;
  GtkToggleButton    *month_button;
  GtkToggleButton    *year_button;
  GtkStack           *stack;
  GtkListBox         *hero_list;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (AmendsHeroesPanel, amends_heroes_panel, GTK_TYPE_WIDGET)

/* How long a burst of changes is waited out before counting again. */
#define RECOUNT_DELAY_MS 250

G_DEFINE_ENUM_TYPE (AmendsHeroesPeriod, amends_heroes_period,
  G_DEFINE_ENUM_VALUE (AMENDS_HEROES_PERIOD_WEEK, "week"),
  G_DEFINE_ENUM_VALUE (AMENDS_HEROES_PERIOD_MONTH, "month"),
  G_DEFINE_ENUM_VALUE (AMENDS_HEROES_PERIOD_YEAR, "year"))

enum {
  PROP_0,
  PROP_STORE,
  PROP_PERIOD,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GDateTime *
local_midnight (const GDate *day)
{
  return g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                g_date_get_day (day), 0, 0, 0);
}

/**
 * amends_heroes_period_get_range:
 * @period: this week, month or year
 * @now: the time that is "this"
 * @from: (out): local midnight at the start of the period (included)
 * @until: (out): local midnight at the start of the next (excluded)
 *
 * Weeks are ISO weeks: Monday to Sunday.  Days are counted on the
 * calendar, so a period across a change of daylight-saving time is still
 * whole days.
 */
void
amends_heroes_period_get_range (AmendsHeroesPeriod   period,
                                GDateTime           *now,
                                GDateTime          **from,
                                GDateTime          **until)
{
  g_autoptr(GDateTime) local = NULL;
  GDate start, end;

  g_return_if_fail (now != NULL);
  g_return_if_fail (from != NULL && until != NULL);

  local = g_date_time_to_local (now);
  g_date_clear (&start, 1);
  g_date_set_dmy (&start,
                  g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local),
                  g_date_time_get_year (local));

  switch (period)
    {
    case AMENDS_HEROES_PERIOD_WEEK:
      /* GDate's weekdays run Monday (1) to Sunday (7), as ISO's do. */
      g_date_subtract_days (&start, g_date_get_weekday (&start) - G_DATE_MONDAY);
      end = start;
      g_date_add_days (&end, 7);
      break;

    case AMENDS_HEROES_PERIOD_MONTH:
      g_date_set_day (&start, 1);
      end = start;
      g_date_add_months (&end, 1);
      break;

    case AMENDS_HEROES_PERIOD_YEAR:
    default:
      g_date_set_dmy (&start, 1, G_DATE_JANUARY, g_date_get_year (&start));
      end = start;
      g_date_add_years (&end, 1);
      break;
    }

  *from = local_midnight (&start);
  *until = local_midnight (&end);
}

static char *
describe_counts (const AmendsHeroCount *count)
{
  g_autofree char *told = NULL;
  g_autofree char *blown = NULL;

  told = g_strdup_printf (ngettext ("%u story told", "%u stories told", count->n_told),
                          count->n_told);
  blown = g_strdup_printf (ngettext ("%u blown away", "%u blown away", count->n_blown_away),
                           count->n_blown_away);

  /* Translators: "3 stories told · 5 blown away" */
  return g_strdup_printf (_("%s · %s"), told, blown);
}

static GtkWidget *
create_hero_row (const AmendsHeroCount *count,
                 guint                  rank,
                 gboolean               top)
{
  g_autofree char *subtitle = describe_counts (count);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *mark;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), count->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (top)
    {
      mark = gtk_image_new_from_icon_name ("starred-symbolic");
      gtk_widget_add_css_class (mark, "hero-star");
      gtk_widget_set_tooltip_text (mark, _("Top hero of this period"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (mark),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Top hero"),
                                      -1);
    }
  else
    {
      g_autofree char *text = g_strdup_printf ("%u", rank);

      mark = gtk_label_new (text);
      gtk_widget_add_css_class (mark, "dim-label");
      gtk_widget_add_css_class (mark, "numeric");
      gtk_accessible_update_property (GTK_ACCESSIBLE (mark),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      -1);
    }

  gtk_widget_set_size_request (mark, 24, -1);
  gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), mark);

  return row;
}

static gboolean
same_counts (GPtrArray *a,
             GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const AmendsHeroCount *x = g_ptr_array_index (a, i);
      const AmendsHeroCount *y = g_ptr_array_index (b, i);

      if (x->staff_id != y->staff_id || x->n_told != y->n_told ||
          x->n_blown_away != y->n_blown_away || g_strcmp0 (x->name, y->name) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
show_counts (AmendsHeroesPanel *self,
             GPtrArray         *counts,
             const GError      *error)
{
  GtkWidget *child;
  guint rank = 0;

  /* Most changes (a case saved as someone types) change no count: the
   * rows stay, and nothing beside them is laid out again. */
  if (same_counts (counts, self->shown))
    return;
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  if (counts != NULL)
    self->shown = g_ptr_array_ref (counts);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->hero_list))) != NULL)
    gtk_list_box_remove (self->hero_list, child);
  self->n_heroes = 0;

  if (counts == NULL)
    {
      /* Translators: %s says why, e.g. "Another program is using the database." */
      g_autofree char *message = g_strdup_printf (_("The heroes could not be counted. %s"),
                                                  error ? error->message : "");

      adw_status_page_set_title (self->empty_page, _("No Heroes to Show"));
      adw_status_page_set_description (self->empty_page, message);
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->empty_page));
      return;
    }

  for (guint i = 0; i < counts->len; i++)
    {
      const AmendsHeroCount *count = g_ptr_array_index (counts, i);
      const AmendsHeroCount *best = g_ptr_array_index (counts, 0);
      /* Equals share the star: none of them did less. */
      gboolean top = count->n_told == best->n_told && count->n_blown_away == best->n_blown_away;

      if (i == 0 || !top)
        rank = i + 1;
      gtk_list_box_append (self->hero_list, create_hero_row (count, rank, top));
    }
  self->n_heroes = counts->len;

  adw_status_page_set_title (self->empty_page, _("No heroes yet in this period"));
  adw_status_page_set_description (self->empty_page,
                                   _("Told stories and customers blown away count here."));
  gtk_stack_set_visible_child (self->stack,
                               counts->len > 0 ? GTK_WIDGET (self->hero_list)
                                               : GTK_WIDGET (self->empty_page));
}

typedef struct
{
  AmendsBoardReader *reader;
  GDateTime         *from;
  GDateTime         *until;
} Count;

static void
count_free (Count *count)
{
  amends_board_reader_free (count->reader);
  g_date_time_unref (count->from);
  g_date_time_unref (count->until);
  g_free (count);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Count *count = task_data;
  GError *error = NULL;
  GPtrArray *counts = amends_board_reader_count_heroes (count->reader, count->from, count->until, &error);

  if (counts == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, counts, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_counted_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AmendsHeroesPanel *self = AMENDS_HEROES_PANEL (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = g_task_propagate_pointer (G_TASK (result), &error);

  /* Superseded: a newer count follows. */
  if (g_task_get_cancellable (G_TASK (result)) != self->counting)
    return;

  g_clear_object (&self->counting);
  show_counts (self, counts, error);
}

static void
start_count (AmendsHeroesPanel *self)
{
  g_autoptr(GTask) task = NULL;
  Count *count = g_new0 (Count, 1);

  if (self->counting != NULL)
    g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);

  count->reader = amends_board_reader_new (self->store);
  amends_heroes_panel_get_range (self, &count->from, &count->until);

  self->counting = g_cancellable_new ();
  task = g_task_new (self, self->counting, on_counted_cb, NULL);
  g_task_set_source_tag (task, start_count);
  /* The result is wanted even when cancelled, to tell it was superseded. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, count, (GDestroyNotify) count_free);
  g_task_run_in_thread (task, count_thread);
}

static gboolean
refresh_cb (gpointer data)
{
  AmendsHeroesPanel *self = data;

  self->refresh_source = 0;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return G_SOURCE_REMOVE;
    }

  self->stale = FALSE;
  if (self->store == NULL)
    {
      if (self->counting != NULL)
        g_cancellable_cancel (self->counting);
      g_clear_object (&self->counting);
      show_counts (self, NULL, NULL);
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->empty_page));
      return G_SOURCE_REMOVE;
    }

  start_count (self);
  return G_SOURCE_REMOVE;
}

/* Counted only while shown (beside the board): every save would count
 * again otherwise.  A hidden panel catches up as it is mapped. */
static void
queue_refresh (AmendsHeroesPanel *self,
               guint              delay_ms)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->refresh_source = delay_ms > 0 ? g_timeout_add (delay_ms, refresh_cb, self)
                                      : g_idle_add (refresh_cb, self);
}

static void
amends_heroes_panel_refresh (AmendsHeroesPanel *self)
{
  queue_refresh (self, 0);
}

static void
on_changes_committed_cb (AmendsHeroesPanel *self)
{
  queue_refresh (self, RECOUNT_DELAY_MS);
}

static void
on_period_toggled_cb (GtkToggleButton   *button,
                      AmendsHeroesPanel *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  if (button == self->week_button)
    amends_heroes_panel_set_period (self, AMENDS_HEROES_PERIOD_WEEK);
  else if (button == self->month_button)
    amends_heroes_panel_set_period (self, AMENDS_HEROES_PERIOD_MONTH);
  else
    amends_heroes_panel_set_period (self, AMENDS_HEROES_PERIOD_YEAR);
}

/* Not inside map itself: the rows are replaced in an idle. */
static void
amends_heroes_panel_map (GtkWidget *widget)
{
  AmendsHeroesPanel *self = AMENDS_HEROES_PANEL (widget);

  GTK_WIDGET_CLASS (amends_heroes_panel_parent_class)->map (widget);

  if (self->stale)
    queue_refresh (self, 0);
}

/* GObject */

static void
amends_heroes_panel_dispose (GObject *object)
{
  AmendsHeroesPanel *self = (AmendsHeroesPanel *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->counting != NULL)
    g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  g_clear_pointer (&self->shown, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_HEROES_PANEL);
  /* The template's children that are not bound, too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amends_heroes_panel_parent_class)->dispose (object);
}

static void
amends_heroes_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AmendsHeroesPanel *self = AMENDS_HEROES_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PERIOD:
      g_value_set_enum (value, self->period);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_heroes_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AmendsHeroesPanel *self = AMENDS_HEROES_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      amends_heroes_panel_set_store (self, g_value_get_object (value));
      break;

    case PROP_PERIOD:
      amends_heroes_panel_set_period (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_heroes_panel_class_init (AmendsHeroesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = amends_heroes_panel_map;

  object_class->dispose = amends_heroes_panel_dispose;
  object_class->get_property = amends_heroes_panel_get_property;
  object_class->set_property = amends_heroes_panel_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_PERIOD] =
    g_param_spec_enum ("period", NULL, NULL,
                       AMENDS_TYPE_HEROES_PERIOD,
                       AMENDS_HEROES_PERIOD_WEEK,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/amends-heroes-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsHeroesPanel, week_button);
  gtk_widget_class_bind_template_child (widget_class, AmendsHeroesPanel, month_button);
  gtk_widget_class_bind_template_child (widget_class, AmendsHeroesPanel, year_button);
  gtk_widget_class_bind_template_child (widget_class, AmendsHeroesPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, AmendsHeroesPanel, hero_list);
  gtk_widget_class_bind_template_child (widget_class, AmendsHeroesPanel, empty_page);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "heroespanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
amends_heroes_panel_init (AmendsHeroesPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  amends_accessible_unmnemonic_buttons (GTK_WIDGET (self));

  g_signal_connect (self->week_button, "toggled", G_CALLBACK (on_period_toggled_cb), self);
  g_signal_connect (self->month_button, "toggled", G_CALLBACK (on_period_toggled_cb), self);
  g_signal_connect (self->year_button, "toggled", G_CALLBACK (on_period_toggled_cb), self);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Recovery heroes"),
                                  -1);
}

GtkWidget *
amends_heroes_panel_new (AmendsStore *store)
{
  g_return_val_if_fail (!store || AMENDS_IS_STORE (store), NULL);

  return g_object_new (AMENDS_TYPE_HEROES_PANEL, "store", store, NULL);
}

AmendsStore *
amends_heroes_panel_get_store (AmendsHeroesPanel *self)
{
  g_return_val_if_fail (AMENDS_IS_HEROES_PANEL (self), NULL);

  return self->store;
}

void
amends_heroes_panel_set_store (AmendsHeroesPanel *self,
                               AmendsStore       *store)
{
  g_return_if_fail (AMENDS_IS_HEROES_PANEL (self));
  g_return_if_fail (!store || AMENDS_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_changes_committed_cb, self);

  g_set_object (&self->store, store);

  /* Every committed change may be a story told or a customer blown away. */
  if (store != NULL)
    g_signal_connect_object (store, "changes-committed",
                             G_CALLBACK (on_changes_committed_cb), self,
                             G_CONNECT_SWAPPED);

  amends_heroes_panel_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

AmendsHeroesPeriod
amends_heroes_panel_get_period (AmendsHeroesPanel *self)
{
  g_return_val_if_fail (AMENDS_IS_HEROES_PANEL (self), AMENDS_HEROES_PERIOD_WEEK);

  return self->period;
}

void
amends_heroes_panel_set_period (AmendsHeroesPanel  *self,
                                AmendsHeroesPeriod  period)
{
  GtkToggleButton *button;

  g_return_if_fail (AMENDS_IS_HEROES_PANEL (self));
  g_return_if_fail (period <= AMENDS_HEROES_PERIOD_YEAR);

  button = period == AMENDS_HEROES_PERIOD_WEEK ? self->week_button
         : period == AMENDS_HEROES_PERIOD_MONTH ? self->month_button
         : self->year_button;
  if (!gtk_toggle_button_get_active (button))
    gtk_toggle_button_set_active (button, TRUE);

  if (self->period == period)
    return;

  self->period = period;
  amends_heroes_panel_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PERIOD]);
}

/**
 * amends_heroes_panel_get_range:
 * @from: (out): the start of the period shown (included)
 * @until: (out): its end (excluded)
 *
 * The period shown, as of the store's now.
 */
void
amends_heroes_panel_get_range (AmendsHeroesPanel  *self,
                               GDateTime         **from,
                               GDateTime         **until)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (AMENDS_IS_HEROES_PANEL (self));

  now = self->store ? amends_store_dup_now (self->store) : g_date_time_new_now_local ();
  amends_heroes_period_get_range (self->period, now, from, until);
}

/* How many people the list shows. */
guint
amends_heroes_panel_get_n_heroes (AmendsHeroesPanel *self)
{
  g_return_val_if_fail (AMENDS_IS_HEROES_PANEL (self), 0);

  return self->n_heroes;
}

/**
 * amends_heroes_panel_is_busy:
 *
 * Returns: whether a count is waited for or running; for tests
 */
gboolean
amends_heroes_panel_is_busy (AmendsHeroesPanel *self)
{
  g_return_val_if_fail (AMENDS_IS_HEROES_PANEL (self), FALSE);

  return self->refresh_source != 0 || self->counting != NULL;
}
