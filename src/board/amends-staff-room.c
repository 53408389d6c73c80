/* amends-staff-room.c: told stories and the headline measures, on the wall
 *
 * "Establish a recovery storytelling channel in your organization and make
 * it a big deal" and "recovery objectives must be ... displayed throughout
 * the workplace" (seeds/004): a full-screen window for a screen in the
 * staff room that goes round, every 15 seconds, a slide per told story
 * (title, text, heroes, when it was told) and a slide with the two headline
 * measures in very large type (amends-story-slide.c, amends-measures-slide.c).
 * The measures, their period and their targets are given by whoever opens
 * it, on the measures slide (amends_staff_room_get_measures_slide()); the
 * wall shows the stories told in that period.  Escape leaves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-staff-room"

#include "config.h"

#include "amends-staff-room.h"

#include <glib/gi18n.h>

#include "amends-measures-slide.h"
#include "amends-store-stories.h"
#include "amends-story-slide.h"

#define DEFAULT_INTERVAL_SECONDS 15
/* How long the hint waits before it fades in, so that it is seen arriving. */
#define HINT_DELAY_MS 600

struct _AmendsStaffRoom
{
  AdwWindow    parent_instance;

  AmendsStore *store;
  guint        interval_seconds;
  gboolean     paused;        /* Space: the slides stay until asked */
  guint        current;
  guint        n_stories;
  GArray      *shown_cases;     /* the cases of the stories on the wall */
  gboolean     stories_changed;
  guint        rebuild_id;
  guint        timeout_id;
  guint        hint_id;

  AdwCarousel *carousel;
  GtkRevealer *hint_revealer;

  /* Always the last slide. */
  AmendsMeasuresSlide *measures_slide;
};

G_DEFINE_FINAL_TYPE (AmendsStaffRoom, amends_staff_room, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_INTERVAL_SECONDS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void amends_staff_room_restart_timer (AmendsStaffRoom *self);

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
  GDateTime *from = amends_measures_slide_get_from (self->measures_slide);
  GDateTime *until = amends_measures_slide_get_until (self->measures_slide);

  /* The stories are made anew and the measures slide put back after them;
   * from an empty carousel, the first page added is the one shown. */
  g_object_ref (self->measures_slide);
  while (adw_carousel_get_n_pages (self->carousel) > 0)
    adw_carousel_remove (self->carousel, adw_carousel_get_nth_page (self->carousel, 0));
  self->n_stories = 0;

  g_array_set_size (self->shown_cases, 0);
  /* The stories told in the period the wall shows, through the index of
   * stories by stage and time: a large desk has told thousands. */
  if (from != NULL && until != NULL)
    stories = amends_store_list_stories_told (self->store, from, until, &error);
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
      g_autofree char *heroes = join_hero_names (self, names, amends_record_get_id (AMENDS_RECORD (story)));

      adw_carousel_append (self->carousel, amends_story_slide_new (story, heroes));
      self->n_stories++;
    }

  if (self->n_stories == 0)
    adw_carousel_append (self->carousel, amends_story_slide_new_first ());

  adw_carousel_append (self->carousel, GTK_WIDGET (self->measures_slide));
  g_object_unref (self->measures_slide);

  /* The target may have changed with the rest. */
  amends_measures_slide_set_target_hours (self->measures_slide,
                                          amends_store_get_recovery_target_hours (self->store));

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

static void
on_period_changed_cb (AmendsStaffRoom *self)
{
  if (self->store != NULL)
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

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->paused)
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

/* Someone wants to read a story to the end, or talk about it. */
static void
amends_staff_room_pause_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  AmendsStaffRoom *self = AMENDS_STAFF_ROOM (widget);

  self->paused = !self->paused;
  if (self->paused)
    amends_staff_room_stop_timer (self);
  else
    amends_staff_room_restart_timer (self);
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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AMENDS_TYPE_MEASURES_SLIDE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/amends-staff-room.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffRoom, carousel);
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffRoom, hint_revealer);
  gtk_widget_class_bind_template_child (widget_class, AmendsStaffRoom, measures_slide);

  gtk_widget_class_install_action (widget_class, "staff-room.next", NULL,
                                   amends_staff_room_next_action);
  gtk_widget_class_install_action (widget_class, "staff-room.previous", NULL,
                                   amends_staff_room_previous_action);
  gtk_widget_class_install_action (widget_class, "staff-room.leave", NULL,
                                   amends_staff_room_leave_action);
  gtk_widget_class_install_action (widget_class, "staff-room.pause", NULL,
                                   amends_staff_room_pause_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "staff-room.leave", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "staff-room.pause", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "staff-room.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "staff-room.previous", NULL);
}

/* Left and Right step, as Page Up and Page Down do.  Not as bindings of
 * the class: GtkWindow's own bindings come first, and move the focus
 * with the arrows; a controller of the capture phase comes before them. */
static void
add_arrow_keys (AmendsStaffRoom *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Right, 0),
                                                          gtk_named_action_new ("staff-room.next")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Left, 0),
                                                          gtk_named_action_new ("staff-room.previous")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
amends_staff_room_init (AmendsStaffRoom *self)
{
  self->interval_seconds = DEFAULT_INTERVAL_SECONDS;
  self->shown_cases = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
  add_arrow_keys (self);

  g_signal_connect_swapped (self->carousel, "page-changed", G_CALLBACK (on_page_changed_cb), self);
  /* The wall shows the stories told in its period. */
  g_signal_connect_swapped (self->measures_slide, "notify::from", G_CALLBACK (on_period_changed_cb), self);
  g_signal_connect_swapped (self->measures_slide, "notify::until", G_CALLBACK (on_period_changed_cb), self);

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

/**
 * amends_staff_room_get_measures_slide:
 *
 * Returns: (transfer none): the last slide, which whoever opens the room
 *   gives the measures, their period and their targets; the wall shows the
 *   stories told in that period
 */
AmendsMeasuresSlide *
amends_staff_room_get_measures_slide (AmendsStaffRoom *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF_ROOM (self), NULL);

  return self->measures_slide;
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

/**
 * amends_staff_room_get_paused:
 *
 * Returns: whether the slides wait to be moved on by hand (Space)
 */
gboolean
amends_staff_room_get_paused (AmendsStaffRoom *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF_ROOM (self), FALSE);

  return self->paused;
}

/**
 * amends_staff_room_get_advancing:
 *
 * Returns: whether a slide is due to move on by itself
 */
gboolean
amends_staff_room_get_advancing (AmendsStaffRoom *self)
{
  g_return_val_if_fail (AMENDS_IS_STAFF_ROOM (self), FALSE);

  return self->timeout_id != 0;
}
