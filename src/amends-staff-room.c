/* amends-staff-room.c: told stories and the headline measures, on the wall
 *
 * "Establish a recovery storytelling channel in your organization and make
 * it a big deal" and "recovery objectives must be ... displayed throughout
 * the workplace" (seeds/004): a full-screen window for a screen in the
 * staff room that goes round, every 15 seconds, a slide per told story
 * (title, text, heroes, when it was told) and a slide with the two headline
 * measures in very large type.  The measures, their period and their
 * targets are given by whoever opens it (properties "recovered-within-share"
 * and "blown-away-share", -1 when not known; "from" and "until";
 * "recovered-within-target" and "blown-away-target" in percent, -1 for
 * none), so that the window only shows them: a figure says in words and in
 * its colour whether it meets its target.  Escape leaves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "amends-staff-room.h"
#include "amends-percent.h"
#include "amends-store-stories.h"

#define DEFAULT_INTERVAL_SECONDS 15
/* How long the hint waits before it fades in, so that it is seen arriving. */
#define HINT_DELAY_MS 600

struct _AmendsStaffRoom
{
  AdwWindow    parent_instance;

  AmendsStore *store;
  guint        interval_seconds;
  double       recovered_within_share;
  double       blown_away_share;
  int          recovered_within_target;
  int          blown_away_target;
  GDateTime   *from;
  GDateTime   *until;
  char        *period_text;
  guint        current;
  guint        n_stories;
  GArray      *shown_cases;     /* the cases of the stories on the wall */
  gboolean     stories_changed;
  guint        rebuild_id;
  guint        timeout_id;
  guint        hint_id;
  gboolean     measuring;

  AdwCarousel *carousel;
  GtkRevealer *hint_revealer;

  /* The measures slide, always the last. */
  GtkWidget   *measures_slide;
  GtkLabel    *period_label;
  GtkLabel    *recovered_figure;
  GtkLabel    *recovered_caption;
  GtkLabel    *recovered_target_label;
  GtkLabel    *blown_away_figure;
  GtkLabel    *blown_away_target_label;
};

G_DEFINE_FINAL_TYPE (AmendsStaffRoom, amends_staff_room, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_INTERVAL_SECONDS,
  PROP_RECOVERED_WITHIN_SHARE,
  PROP_BLOWN_AWAY_SHARE,
  PROP_RECOVERED_WITHIN_TARGET,
  PROP_BLOWN_AWAY_TARGET,
  PROP_FROM,
  PROP_UNTIL,
  PROP_PERIOD_TEXT,
  PROP_MEASURING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void amends_staff_room_restart_timer (AmendsStaffRoom *self);

static GtkWidget *
slide_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_LEFT);
  gtk_widget_add_css_class (label, css_class);

  return label;
}

/* A slide: a column in the middle of the screen, wide enough to read from
 * across the room. */
static GtkWidget *
slide_new (const char  *accessible_label,
           GtkWidget  **column)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 28);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1500);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 1000);
  gtk_widget_set_hexpand (clamp, TRUE);
  gtk_widget_set_vexpand (clamp, TRUE);
  gtk_widget_add_css_class (clamp, "staff-room-slide");

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (box, 96);
  gtk_widget_set_margin_end (box, 96);
  gtk_widget_set_margin_top (box, 72);
  gtk_widget_set_margin_bottom (box, 72);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  gtk_accessible_update_property (GTK_ACCESSIBLE (clamp),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);

  *column = box;
  return clamp;
}

static gboolean
share_known (double share)
{
  return share >= 0.0 && !isnan (share);
}

/* Rounded as shown, so that "90 %" never reads as short of 90 %. */
static gboolean
share_meets (double share,
             int    target)
{
  return share_known (share) && target >= 0 && amends_percent_of (share) >= target;
}

/* A figure in large type, coloured by whether it meets its target, and
 * the target in words under it: the colour is never all there is to it. */
static void
update_figure (GtkLabel *figure,
               GtkLabel *target_label,
               double    share,
               int       target)
{
  GtkWidget *widget = GTK_WIDGET (figure);
  gboolean known = share_known (share);
  int percent = known ? amends_percent_of (share) : -1;
  g_autofree char *text = known ? amends_percent_format (percent) : g_strdup ("—");
  g_autofree char *target_percent = target >= 0 ? amends_percent_format (target) : NULL;
  g_autofree char *target_text = NULL;

  gtk_label_set_text (figure, text);

  gtk_widget_remove_css_class (widget, "dim-label");
  gtk_widget_remove_css_class (widget, "no-target");
  gtk_widget_remove_css_class (widget, "target-met");
  gtk_widget_remove_css_class (widget, "target-missed");
  if (!known)
    gtk_widget_add_css_class (widget, "dim-label");
  else if (target < 0)
    gtk_widget_add_css_class (widget, "no-target");
  else
    gtk_widget_add_css_class (widget, share_meets (share, target) ? "target-met" : "target-missed");

  if (target < 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (target_label), FALSE);
      return;
    }

  if (!known)
    /* Translators: under a headline with nothing to measure: "Target 90 %" */
    target_text = g_strdup_printf (_("Target %s"), target_percent);
  else if (percent >= target)
    /* Translators: under a headline share: "Target 90 % · met" */
    target_text = g_strdup_printf (_("Target %s · met"), target_percent);
  else
    /* Translators: under a headline share: "Target 90 % · 7 points short" */
    target_text = g_strdup_printf (ngettext ("Target %s · %d point short",
                                             "Target %s · %d points short",
                                             target - percent),
                                   target_percent, target - percent);

  gtk_label_set_text (target_label, target_text);
  gtk_widget_set_visible (GTK_WIDGET (target_label), TRUE);
}

static void
amends_staff_room_update_measures (AmendsStaffRoom *self)
{
  update_figure (self->recovered_figure, self->recovered_target_label,
                 self->recovered_within_share, self->recovered_within_target);
  update_figure (self->blown_away_figure, self->blown_away_target_label,
                 self->blown_away_share, self->blown_away_target);
}

/* "Last 28 days · 21 Oct – 18 Nov 2026", as the Measures view writes its
 * periods; NULL without a period. */
static char *
format_period (GDateTime *from,
               GDateTime *until)
{
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) end_moment = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *end = NULL;
  g_autofree char *start = NULL;
  g_autofree char *days = NULL;
  int n_days;

  if (from == NULL || until == NULL)
    return NULL;

  first = g_date_time_to_local (from);
  end_moment = g_date_time_add_seconds (until, -1);
  last = g_date_time_to_local (end_moment);

  /* Whole days, whatever a change of daylight-saving time did to them. */
  n_days = (int) ((g_date_time_difference (until, from) + G_TIME_SPAN_DAY / 2) / G_TIME_SPAN_DAY);

  /* Translators: the last day of a range of days, a g_date_time_format() format: "22 Nov 2026" */
  end = g_date_time_format (last, _("%-d %b %Y"));
  if (g_date_time_get_year (first) != g_date_time_get_year (last))
    start = g_date_time_format (first, _("%-d %b %Y"));
  else
    /* Translators: the first day of a range within one year, a g_date_time_format() format: "26 Oct" */
    start = g_date_time_format (first, _("%-d %b"));
  /* Translators: a range of days across months: "26 Oct – 22 Nov 2026" */
  days = g_strdup_printf (_("%s – %s"), start, end);

  /* Translators: the period of the measures in the staff room: "Last 28 days · 21 Oct – 18 Nov 2026" */
  return g_strdup_printf (ngettext ("Last %d day · %s", "Last %d days · %s", n_days), n_days, days);
}

static void
amends_staff_room_update_period (AmendsStaffRoom *self)
{
  g_free (self->period_text);
  self->period_text = format_period (self->from, self->until);

  gtk_label_set_text (self->period_label, self->period_text != NULL ? self->period_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->period_label), self->period_text != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PERIOD_TEXT]);
}

static void
amends_staff_room_update_caption (AmendsStaffRoom *self)
{
  int hours = amends_store_get_recovery_target_hours (self->store);
  g_autofree char *within = NULL;

  /* Translators: under a share in very large type: "92 %" "recovered within 24 h" */
  within = g_strdup_printf (ngettext ("recovered within %d h", "recovered within %d h", hours), hours);
  gtk_label_set_text (self->recovered_caption, within);
}

static char *
join_hero_names (AmendsStaffRoom *self,
                 GHashTable      *names,
                 gint64           story_id)
{
  g_autoptr(GArray) heroes = amends_store_get_story_heroes (self->store, story_id, NULL);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  for (guint i = 0; heroes != NULL && i < heroes->len; i++)
    {
      gint64 id = g_array_index (heroes, gint64, i);
      const char *name = g_hash_table_lookup (names, &id);

      if (name != NULL)
        g_ptr_array_add (list, (gpointer) name);
    }

  if (list->len == 0)
    return NULL;

  g_ptr_array_add (list, NULL);
  /* Translators: the separator between the names of heroes: "Ada, Bilal" */
  return g_strjoinv (_(", "), (char **) list->pdata);
}

static GtkWidget *
create_story_slide (AmendsStaffRoom *self,
                    AmendsStory     *story,
                    GHashTable      *names)
{
  const char *title = amends_story_get_title (story);
  const char *text = amends_story_get_text (story);
  GDateTime *told_at = amends_story_get_told_at (story);
  g_autofree char *heroes = join_hero_names (self, names, amends_record_get_id (AMENDS_RECORD (story)));
  GtkWidget *column, *slide, *label;

  if (title == NULL || *title == '\0')
    title = _("A recovery story");

  slide = slide_new (title, &column);
  gtk_box_append (GTK_BOX (column), slide_label (_("A recovery story"), "staff-room-kicker"));
  gtk_box_append (GTK_BOX (column), slide_label (title, "staff-room-title"));

  if (text != NULL && *text != '\0')
    {
      label = slide_label (text, "staff-room-text");
      /* What does not fit is for the board, not the wall. */
      gtk_label_set_lines (GTK_LABEL (label), 9);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (column), label);
    }

  if (heroes != NULL)
    {
      /* Translators: "Heroes: Ada Moreau, Bilal Okafor" */
      g_autofree char *line = g_strdup_printf (_("Heroes: %s"), heroes);
      gtk_box_append (GTK_BOX (column), slide_label (line, "staff-room-heroes"));
    }

  if (told_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (told_at);
      /* Translators: a g_date_time_format() format: "Told on 17 November 2026" */
      g_autofree char *line = g_date_time_format (local, _("Told on %-d %B %Y"));
      gtk_box_append (GTK_BOX (column), slide_label (line, "staff-room-date"));
    }

  return slide;
}

static GtkWidget *
create_first_story_slide (void)
{
  GtkWidget *column, *slide;

  slide = slide_new (_("Your first told story will appear here"), &column);
  gtk_box_append (GTK_BOX (column), slide_label (_("Recovery stories"), "staff-room-kicker"));
  gtk_box_append (GTK_BOX (column), slide_label (_("Your first told story will appear here"), "staff-room-title"));
  gtk_box_append (GTK_BOX (column),
                  slide_label (_("When a manager tells a recovery story on the board, it is celebrated here with its heroes."),
                               "staff-room-text"));

  return slide;
}

static GHashTable *
load_staff_names (AmendsStaffRoom *self)
{
  GHashTable *names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GListModel) staff = amends_store_list_staff (self->store, TRUE, NULL);

  for (guint i = 0; staff != NULL && i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(AmendsStaff) person = g_list_model_get_item (staff, i);
      gint64 id = amends_record_get_id (AMENDS_RECORD (person));

      g_hash_table_insert (names, g_memdup2 (&id, sizeof id),
                           g_strdup (amends_staff_get_name (person)));
    }

  return names;
}

static void
amends_staff_room_show (AmendsStaffRoom *self,
                        guint            index,
                        gboolean         animate)
{
  guint n = adw_carousel_get_n_pages (self->carousel);

  if (n == 0)
    return;

  self->current = index % n;
  adw_carousel_scroll_to (self->carousel,
                          adw_carousel_get_nth_page (self->carousel, self->current),
                          animate && gtk_widget_get_mapped (GTK_WIDGET (self)));
}

static void
amends_staff_room_rebuild (AmendsStaffRoom *self)
{
  g_autoptr(GListModel) stories = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GError) error = NULL;

  /* The stories are made anew and the measures slide put back after them;
   * from an empty carousel, the first page added is the one shown. */
  g_object_ref (self->measures_slide);
  while (adw_carousel_get_n_pages (self->carousel) > 0)
    adw_carousel_remove (self->carousel, adw_carousel_get_nth_page (self->carousel, 0));
  self->n_stories = 0;

  g_array_set_size (self->shown_cases, 0);
  /* The stories told in the period the wall shows, through the index of
   * stories by stage and time: a large desk has told thousands. */
  if (self->from != NULL && self->until != NULL)
    stories = amends_store_list_stories_told (self->store, self->from, self->until, &error);
  else
    stories = amends_store_list_stories (self->store, AMENDS_STORY_STAGE_TOLD, &error);
  if (stories == NULL)
    /* The wall goes on with the measures; the board says what is wrong. */
    g_warning ("The told stories could not be read: %s", error->message);

  names = load_staff_names (self);
  for (guint i = 0; stories != NULL && i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr(AmendsStory) story = g_list_model_get_item (stories, i);
      gint64 case_id = amends_story_get_case_id (story);

      g_array_append_val (self->shown_cases, case_id);
      adw_carousel_append (self->carousel, create_story_slide (self, story, names));
      self->n_stories++;
    }

  if (self->n_stories == 0)
    adw_carousel_append (self->carousel, create_first_story_slide ());

  adw_carousel_append (self->carousel, self->measures_slide);
  g_object_unref (self->measures_slide);

  /* The target may have changed with the rest. */
  amends_staff_room_update_caption (self);

  amends_staff_room_show (self, MIN (self->current, adw_carousel_get_n_pages (self->carousel) - 1), FALSE);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  AmendsStaffRoom *self = user_data;

  self->rebuild_id = 0;
  amends_staff_room_rebuild (self);

  return G_SOURCE_REMOVE;
}

/* Once for all that changes before the main loop is next idle. */
static void
queue_rebuild (AmendsStaffRoom *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

/* Only a story, or the case of a story on the wall, changes the wall:
 * not every case saved as a person types at the desk. */
static void
on_record_changed_cb (AmendsStaffRoom *self,
                      GType            type,
                      gint64           id,
                      AmendsStore     *store)
{
  if (type == AMENDS_TYPE_STORY)
    self->stories_changed = TRUE;
  else if (type == AMENDS_TYPE_CASE)
    for (guint i = 0; i < self->shown_cases->len && !self->stories_changed; i++)
      if (g_array_index (self->shown_cases, gint64, i) == id)
        self->stories_changed = TRUE;
}

static void
on_changes_committed_cb (AmendsStaffRoom *self,
                         AmendsStore     *store)
{
  if (!self->stories_changed)
    return;

  self->stories_changed = FALSE;
  queue_rebuild (self);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  AmendsStaffRoom *self = user_data;

  amends_staff_room_show (self, self->current + 1, TRUE);

  return G_SOURCE_CONTINUE;
}

static void
amends_staff_room_stop_timer (AmendsStaffRoom *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

/* A person who moves on by hand gets a whole interval to read. */
static void
amends_staff_room_restart_timer (AmendsStaffRoom *self)
{
  amends_staff_room_stop_timer (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->timeout_id = g_timeout_add_seconds (self->interval_seconds, on_timeout_cb, self);
}

static void
on_page_changed_cb (AmendsStaffRoom *self,
                    guint            index)
{
  /* Swiped or scrolled to by hand. */
  if (index != self->current)
    {
      self->current = index;
      amends_staff_room_restart_timer (self);
    }
}

static gboolean
on_show_hint_cb (gpointer user_data)
{
  AmendsStaffRoom *self = user_data;

  self->hint_id = 0;
  gtk_revealer_set_reveal_child (self->hint_revealer, TRUE);

  return G_SOURCE_REMOVE;
}

static void
amends_staff_room_next_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  amends_staff_room_next (AMENDS_STAFF_ROOM (widget));
}

static void
amends_staff_room_previous_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  amends_staff_room_previous (AMENDS_STAFF_ROOM (widget));
}

static void
amends_staff_room_leave_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* GtkWidget */

static void
amends_staff_room_map (GtkWidget *widget)
{
  AmendsStaffRoom *self = AMENDS_STAFF_ROOM (widget);

  GTK_WIDGET_CLASS (amends_staff_room_parent_class)->map (widget);

  amends_staff_room_restart_timer (self);
  if (self->hint_id == 0 && !gtk_revealer_get_reveal_child (self->hint_revealer))
    self->hint_id = g_timeout_add (HINT_DELAY_MS, on_show_hint_cb, self);
}

static void
amends_staff_room_unmap (GtkWidget *widget)
{
  AmendsStaffRoom *self = AMENDS_STAFF_ROOM (widget);

  amends_staff_room_stop_timer (self);
  g_clear_handle_id (&self->hint_id, g_source_remove);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  GTK_WIDGET_CLASS (amends_staff_room_parent_class)->unmap (widget);
}

/* GObject */

static void
amends_staff_room_constructed (GObject *object)
{
  AmendsStaffRoom *self = (AmendsStaffRoom *)object;

  G_OBJECT_CLASS (amends_staff_room_parent_class)->constructed (object);

  g_assert (AMENDS_IS_STORE (self->store));

  /* When the main loop is next idle: whoever opens the room gives it its
   * period first, and the wall shows the stories of that period. */
  queue_rebuild (self);

  /* A story told on the board shows on the wall at once. */
  g_signal_connect_object (self->store, "record-changed",
                           G_CALLBACK (on_record_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changes-committed",
                           G_CALLBACK (on_changes_committed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
amends_staff_room_dispose (GObject *object)
{
  AmendsStaffRoom *self = (AmendsStaffRoom *)object;

  amends_staff_room_stop_timer (self);
  g_clear_handle_id (&self->hint_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_STAFF_ROOM);

  G_OBJECT_CLASS (amends_staff_room_parent_class)->dispose (object);
}

static void
amends_staff_room_finalize (GObject *object)
{
  AmendsStaffRoom *self = (AmendsStaffRoom *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
  g_clear_pointer (&self->period_text, g_free);
  g_clear_pointer (&self->shown_cases, g_array_unref);

  G_OBJECT_CLASS (amends_staff_room_parent_class)->finalize (object);
}

static void
amends_staff_room_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AmendsStaffRoom *self = AMENDS_STAFF_ROOM (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_INTERVAL_SECONDS:
      g_value_set_uint (value, self->interval_seconds);
      break;

    case PROP_RECOVERED_WITHIN_SHARE:
      g_value_set_double (value, self->recovered_within_share);
      break;

    case PROP_BLOWN_AWAY_SHARE:
      g_value_set_double (value, self->blown_away_share);
      break;

    case PROP_MEASURING:
      g_value_set_boolean (value, self->measuring);
      break;

    case PROP_RECOVERED_WITHIN_TARGET:
      g_value_set_int (value, self->recovered_within_target);
      break;

    case PROP_BLOWN_AWAY_TARGET:
      g_value_set_int (value, self->blown_away_target);
      break;

    case PROP_FROM:
      g_value_set_boxed (value, self->from);
      break;

    case PROP_UNTIL:
      g_value_set_boxed (value, self->until);
      break;

    case PROP_PERIOD_TEXT:
      g_value_set_string (value, self->period_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_staff_room_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AmendsStaffRoom *self = AMENDS_STAFF_ROOM (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_INTERVAL_SECONDS:
      amends_staff_room_set_interval_seconds (self, g_value_get_uint (value));
      break;

    case PROP_MEASURING:
      amends_staff_room_set_measuring (self, g_value_get_boolean (value));
      break;

    case PROP_RECOVERED_WITHIN_SHARE:
      amends_staff_room_set_recovered_within_share (self, g_value_get_double (value));
      break;

    case PROP_BLOWN_AWAY_SHARE:
      amends_staff_room_set_blown_away_share (self, g_value_get_double (value));
      break;

    case PROP_RECOVERED_WITHIN_TARGET:
      amends_staff_room_set_recovered_within_target (self, g_value_get_int (value));
      break;

    case PROP_BLOWN_AWAY_TARGET:
      amends_staff_room_set_blown_away_target (self, g_value_get_int (value));
      break;

    case PROP_FROM:
      amends_staff_room_set_period (self, g_value_get_boxed (value), self->until);
      break;

    case PROP_UNTIL:
      amends_staff_room_set_period (self, self->from, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_staff_room_class_init (AmendsStaffRoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = amends_staff_room_constructed;
  object_class->dispose = amends_staff_room_dispose;
  object_class->finalize = amends_staff_room_finalize;
  object_class->get_property = amends_staff_room_get_property;
  object_class->set_property = amends_staff_room_set_property;

  widget_class->map = amends_staff_room_map;
  widget_class->unmap = amends_staff_room_unmap;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /* How long each slide stays. */
  properties [PROP_INTERVAL_SECONDS] =
    g_param_spec_uint ("interval-seconds", NULL, NULL,
                       1, 3600, DEFAULT_INTERVAL_SECONDS,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /* The share of recoveries within the target, 0 to 1; -1 when not known. */
  properties [PROP_RECOVERED_WITHIN_SHARE] =
    g_param_spec_double ("recovered-within-share", NULL, NULL,
                         -1.0, 1.0, -1.0,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The share of customers blown away, 0 to 1; -1 when not known. */
  properties [PROP_BLOWN_AWAY_SHARE] =
    g_param_spec_double ("blown-away-share", NULL, NULL,
                         -1.0, 1.0, -1.0,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The shares are being measured (in a worker thread, by whoever
   * opened the room): they read "—" until they come. */
  properties [PROP_MEASURING] =
    g_param_spec_boolean ("measuring", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* The targets of the two shares, in percent; -1 for none, and then a
   * figure is neither met nor short. */
  properties [PROP_RECOVERED_WITHIN_TARGET] =
    g_param_spec_int ("recovered-within-target", NULL, NULL,
                      -1, 100, -1,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties [PROP_BLOWN_AWAY_TARGET] =
    g_param_spec_int ("blown-away-target", NULL, NULL,
                      -1, 100, -1,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /* The period the shares measure, [from, until); the slide states it. */
  properties [PROP_FROM] =
    g_param_spec_boxed ("from", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties [PROP_UNTIL] =
    g_param_spec_boxed ("until", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* The period in words, "Last 28 days · 21 Oct – 18 Nov 2026"; NULL
   * until both ends are known. */
  properties [PROP_PERIOD_TEXT] =
    g_param_spec_string ("period-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/amends-staff-room.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffRoom, carousel);
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffRoom, hint_revealer);
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffRoom, measures_slide);
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffRoom, period_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffRoom, recovered_figure);
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffRoom, recovered_caption);
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffRoom, recovered_target_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffRoom, blown_away_figure);
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffRoom, blown_away_target_label);

  gtk_widget_class_install_action (widget_class, "staff-room.next", NULL,
                                   amends_staff_room_next_action);
  gtk_widget_class_install_action (widget_class, "staff-room.previous", NULL,
                                   amends_staff_room_previous_action);
  gtk_widget_class_install_action (widget_class, "staff-room.leave", NULL,
                                   amends_staff_room_leave_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "staff-room.leave", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "staff-room.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "staff-room.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "staff-room.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "staff-room.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "staff-room.previous", NULL);
}

static void
amends_staff_room_init (AmendsStaffRoom *self)
{
  self->interval_seconds = DEFAULT_INTERVAL_SECONDS;
  self->shown_cases = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->recovered_within_share = -1.0;
  self->blown_away_share = -1.0;
  self->recovered_within_target = -1;
  self->blown_away_target = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  amends_staff_room_update_measures (self);

  g_signal_connect_swapped (self->carousel, "page-changed", G_CALLBACK (on_page_changed_cb), self);

  /* A screen on the wall: all of it, as it is presented. */
  gtk_window_fullscreen (GTK_WINDOW (self));
}

/**
 * amends_staff_room_new:
 * @parent: (nullable): the window it is opened from
 * @store: where the told stories are read
 *
 * Returns: (transfer none): a new staff-room window, full screen once
 *   presented; the caller presents it
 */
AmendsStaffRoom *
amends_staff_room_new (GtkWindow   *parent,
                       AmendsStore *store)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);

  return g_object_new (AMENDS_TYPE_STAFF_ROOM,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

AmendsStore *
amends_staff_room_get_store (AmendsStaffRoom *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF_ROOM (self), NULL);

  return self->store;
}

guint
amends_staff_room_get_interval_seconds (AmendsStaffRoom *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF_ROOM (self), DEFAULT_INTERVAL_SECONDS);

  return self->interval_seconds;
}

void
amends_staff_room_set_interval_seconds (AmendsStaffRoom *self,
                                        guint            seconds)
{
  g_return_if_fail (AMENDS_IS_STAFF_ROOM (self));
  g_return_if_fail (seconds > 0);

  if (self->interval_seconds == seconds)
    return;

  self->interval_seconds = seconds;
  amends_staff_room_restart_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INTERVAL_SECONDS]);
}

double
amends_staff_room_get_recovered_within_share (AmendsStaffRoom *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF_ROOM (self), -1.0);

  return self->recovered_within_share;
}

void
amends_staff_room_set_recovered_within_share (AmendsStaffRoom *self,
                                              double           share)
{
  g_return_if_fail (AMENDS_IS_STAFF_ROOM (self));

  if (share < 0.0)
    share = -1.0;

  if (self->recovered_within_share == share)
    return;

  self->recovered_within_share = share;
  amends_staff_room_update_measures (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECOVERED_WITHIN_SHARE]);
}

double
amends_staff_room_get_blown_away_share (AmendsStaffRoom *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF_ROOM (self), -1.0);

  return self->blown_away_share;
}

void
amends_staff_room_set_blown_away_share (AmendsStaffRoom *self,
                                        double           share)
{
  g_return_if_fail (AMENDS_IS_STAFF_ROOM (self));

  if (share < 0.0)
    share = -1.0;

  if (self->blown_away_share == share)
    return;

  self->blown_away_share = share;
  amends_staff_room_update_measures (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BLOWN_AWAY_SHARE]);
}

int
amends_staff_room_get_recovered_within_target (AmendsStaffRoom *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF_ROOM (self), -1);

  return self->recovered_within_target;
}

void
amends_staff_room_set_recovered_within_target (AmendsStaffRoom *self,
                                               int              percent)
{
  g_return_if_fail (AMENDS_IS_STAFF_ROOM (self));
  g_return_if_fail (percent >= -1 && percent <= 100);

  if (self->recovered_within_target == percent)
    return;

  self->recovered_within_target = percent;
  amends_staff_room_update_measures (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECOVERED_WITHIN_TARGET]);
}

int
amends_staff_room_get_blown_away_target (AmendsStaffRoom *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF_ROOM (self), -1);

  return self->blown_away_target;
}

void
amends_staff_room_set_blown_away_target (AmendsStaffRoom *self,
                                         int              percent)
{
  g_return_if_fail (AMENDS_IS_STAFF_ROOM (self));
  g_return_if_fail (percent >= -1 && percent <= 100);

  if (self->blown_away_target == percent)
    return;

  self->blown_away_target = percent;
  amends_staff_room_update_measures (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BLOWN_AWAY_TARGET]);
}

/* Whether the share, as shown, reaches its target: FALSE when there is
 * nothing to measure or no target. */
gboolean
amends_staff_room_get_recovered_within_met (AmendsStaffRoom *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF_ROOM (self), FALSE);

  return share_meets (self->recovered_within_share, self->recovered_within_target);
}

gboolean
amends_staff_room_get_blown_away_met (AmendsStaffRoom *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF_ROOM (self), FALSE);

  return share_meets (self->blown_away_share, self->blown_away_target);
}

GDateTime *
amends_staff_room_get_from (AmendsStaffRoom *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF_ROOM (self), NULL);

  return self->from;
}

GDateTime *
amends_staff_room_get_until (AmendsStaffRoom *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF_ROOM (self), NULL);

  return self->until;
}

/**
 * amends_staff_room_set_period:
 * @from: (nullable): the first moment the shares measure
 * @until: (nullable): the moment after the last
 *
 * The period of the shares, stated on the measures slide.
 */
void
amends_staff_room_set_period (AmendsStaffRoom *self,
                              GDateTime       *from,
                              GDateTime       *until)
{
  gboolean from_changed, until_changed;

  g_return_if_fail (AMENDS_IS_STAFF_ROOM (self));

  from_changed = !(from == self->from || (from != NULL && self->from != NULL && g_date_time_equal (from, self->from)));
  until_changed = !(until == self->until || (until != NULL && self->until != NULL && g_date_time_equal (until, self->until)));
  if (!from_changed && !until_changed)
    return;

  /* @from or @until may be ours: take the new ones before letting go. */
  if (from != NULL)
    g_date_time_ref (from);
  if (until != NULL)
    g_date_time_ref (until);
  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
  self->from = from;
  self->until = until;

  amends_staff_room_update_period (self);
  /* The wall shows the stories told in its period. */
  if (self->store != NULL)
    queue_rebuild (self);
  if (from_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FROM]);
  if (until_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UNTIL]);
}

/* The period in words, or NULL without a period. */
const char *
amends_staff_room_get_period_text (AmendsStaffRoom *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF_ROOM (self), NULL);

  return self->period_text;
}

/* The told stories (or the slide waiting for the first), and the measures. */
guint
amends_staff_room_get_n_slides (AmendsStaffRoom *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF_ROOM (self), 0);

  return adw_carousel_get_n_pages (self->carousel);
}

/* The slide shown, or being moved to. */
guint
amends_staff_room_get_current (AmendsStaffRoom *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF_ROOM (self), 0);

  return self->current;
}

/* The next slide, after the last the first; the interval starts again. */
void
amends_staff_room_next (AmendsStaffRoom *self)
{
  g_return_if_fail (AMENDS_IS_STAFF_ROOM (self));

  amends_staff_room_show (self, self->current + 1, TRUE);
  amends_staff_room_restart_timer (self);
}

void
amends_staff_room_previous (AmendsStaffRoom *self)
{
  guint n;

  g_return_if_fail (AMENDS_IS_STAFF_ROOM (self));

  n = adw_carousel_get_n_pages (self->carousel);
  if (n == 0)
    return;

  amends_staff_room_show (self, (self->current + n - 1) % n, TRUE);
  amends_staff_room_restart_timer (self);
}

gboolean
amends_staff_room_get_measuring (AmendsStaffRoom *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF_ROOM (self), FALSE);

  return self->measuring;
}

void
amends_staff_room_set_measuring (AmendsStaffRoom *self,
                                 gboolean         measuring)
{
  g_return_if_fail (AMENDS_IS_STAFF_ROOM (self));

  measuring = !!measuring;
  if (self->measuring == measuring)
    return;

  self->measuring = measuring;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEASURING]);
}
