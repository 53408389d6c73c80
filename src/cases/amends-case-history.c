/* amends-case-history.c: who changed what on a case, when, in plain words
 *
 * The History of a case is a window of its own beside the main window,
 * not a page of the Cases leaflet: people read it while they look at the
 * case (what did the fix say before?), it prints on its own, and on a
 * narrow window a leaflet page would hide the very case it explains.
 *
 * The entries are read in a worker thread (amends-store-history.c) and
 * read again when the case, an entry on its timeline or a story changes
 * while the window is open.  The list is filtered in memory: by words,
 * by kind of change and by who made it.  Print draws what is shown,
 * with every text whole (amends-report-history.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-case-history"

#include "config.h"

#include "amends-case-history-private.h"

#include <glib/gi18n.h>

#include "amends-accessible.h"
#include "amends-history-format.h"
#include "amends-store-history.h"

/* The kinds of the kind filter, after "All Changes", in its order. */
static const AmendsHistoryKind filter_kinds[] = {
  AMENDS_HISTORY_KIND_STEPS,
  AMENDS_HISTORY_KIND_TEXTS,
  AMENDS_HISTORY_KIND_TIMELINE,
  AMENDS_HISTORY_KIND_STORY,
};

/* The person filter's first item, and the one for changes made when
 * nobody was at the desk. */
#define EVERYONE -1
#define NOBODY    0

G_DEFINE_FINAL_TYPE (AmendsCaseHistory, amends_case_history, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void read_history (AmendsCaseHistory *self);

static void
set_busy (AmendsCaseHistory *self,
          gboolean           busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static gint64
chosen_person (AmendsCaseHistory *self)
{
  guint selected = gtk_drop_down_get_selected (self->person_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->person_ids->len)
    return EVERYONE;
  return g_array_index (self->person_ids, gint64, selected);
}

static gboolean
filter_entry (gpointer item,
              gpointer user_data)
{
  AmendsCaseHistory *self = user_data;
  AmendsHistoryEntry *entry = item;
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  gint64 person = chosen_person (self);

  if (kind > 0 && kind <= G_N_ELEMENTS (filter_kinds) &&
      amends_history_entry_get_kind (entry) != filter_kinds[kind - 1])
    return FALSE;
  if (person != EVERYONE && amends_history_entry_get_actor_id (entry) != person)
    return FALSE;

  return amends_history_entry_matches (entry, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
update_page (AmendsCaseHistory *self)
{
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.print", n_shown > 0);

  if (n_shown > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  adw_status_page_set_title (self->empty_page, n_all > 0 ? _("No Matching Changes") : _("No Changes"));
  adw_status_page_set_description (self->empty_page,
                                   n_all > 0 ? _("Try other words, or another kind of change or person.")
                                             : _("Nothing was recorded for this case yet."));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
on_filter_changed_cb (AmendsCaseHistory *self)
{
  if (self->filling)
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_page (self);
}

static void
on_search_changed_cb (AmendsCaseHistory *self)
{
  on_filter_changed_cb (self);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  AmendsCaseHistory *self = user_data;
  AmendsHistoryEntry *entry = item;
  g_autoptr(GDateTime) now = amends_store_dup_now (self->store);
  g_autofree char *when = amends_history_format_time (amends_history_entry_get_at (entry), now);
  g_autofree char *accessible = NULL;
  GtkWidget *row, *box, *sentence, *time;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  sentence = gtk_label_new (amends_history_entry_get_sentence (entry));
  gtk_label_set_wrap (GTK_LABEL (sentence), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (sentence), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (sentence), 0);
  gtk_widget_set_name (sentence, "sentence");
  gtk_box_append (GTK_BOX (box), sentence);

  time = gtk_label_new (when);
  gtk_label_set_xalign (GTK_LABEL (time), 0);
  gtk_widget_add_css_class (time, "dim-label");
  gtk_widget_add_css_class (time, "caption");
  gtk_box_append (GTK_BOX (box), time);

  /* The whole text: in a tooltip for the mouse, and in an expander that
   * the keyboard and a screen reader reach. */
  if (amends_history_entry_is_shortened (entry))
    {
      const char *show = _("Show the Whole Text");
      GtkWidget *expander = gtk_expander_new (show);
      GtkWidget *whole = gtk_label_new (amends_history_entry_get_full_sentence (entry));

      gtk_widget_set_tooltip_text (sentence, amends_history_entry_get_full_sentence (entry));
      gtk_label_set_wrap (GTK_LABEL (whole), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (whole), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (whole), 0);
      gtk_label_set_selectable (GTK_LABEL (whole), TRUE);
      gtk_widget_set_margin_top (whole, 6);
      gtk_expander_set_child (GTK_EXPANDER (expander), whole);
      gtk_widget_add_css_class (expander, "caption");
      /* GTK 4.8 names an expander by its class, not its label. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, show, -1);
      gtk_box_append (GTK_BOX (box), expander);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Translators: a change in a case's history as a screen reader says
   * it: "Ada Moreau changed the status from Open to In recovery, Today 14:30" */
  accessible = g_strdup_printf (_("%s, %s"), amends_history_entry_get_full_sentence (entry), when);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return row;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GHashTable *names = user_data;

  return g_utf8_collate (g_hash_table_lookup (names, a), g_hash_table_lookup (names, b));
}

/* Everyone, then each person who made a change, by name; the person
 * chosen stays chosen when the history is read again. */
static void
fill_people (AmendsCaseHistory *self)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GList) ids = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gint64 chosen = chosen_person (self);
  gint64 everyone = EVERYONE;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  guint selected = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmendsHistoryEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      gint64 id = amends_history_entry_get_actor_id (entry);
      const char *name = amends_history_entry_get_actor_name (entry);

      if (!g_hash_table_contains (names, &id))
        g_hash_table_insert (names, g_memdup2 (&id, sizeof id),
                             /* Translators: in the person filter of a case's history */
                             g_strdup (id == NOBODY || name == NULL ? _("Nobody at the desk") : name));
    }

  ids = g_list_sort_with_data (g_hash_table_get_keys (names), compare_names, names);

  self->filling = TRUE;
  g_array_set_size (self->person_ids, 0);
  g_array_append_val (self->person_ids, everyone);
  /* Translators: in the person filter of a case's history */
  g_ptr_array_add (labels, (gpointer) _("Everyone"));
  for (GList *l = ids; l != NULL; l = l->next)
    {
      gint64 id = *(gint64 *) l->data;

      if (id == chosen)
        selected = self->person_ids->len;
      g_array_append_val (self->person_ids, id);
      g_ptr_array_add (labels, g_hash_table_lookup (names, &id));
    }
  g_ptr_array_add (labels, NULL);

  gtk_string_list_splice (self->person_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->person_list)),
                          (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (self->person_dropdown, selected);
  self->filling = FALSE;
}

static gboolean
same_ids (GListModel *a,
          guint       a_from,
          GPtrArray  *b,
          guint       b_from)
{
  guint n = g_list_model_get_n_items (a) - a_from;

  if (n != b->len - b_from)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmendsHistoryEntry) entry = g_list_model_get_item (a, a_from + i);

      if (amends_history_entry_get_id (entry) != amends_history_entry_get_id (b->pdata[b_from + i]))
        return FALSE;
    }

  return TRUE;
}

/* The history read again is mostly the one shown, with the newest
 * changes on top: only those become new rows, so that a change saved
 * while the window is open does not rebuild hundreds of them. */
static void
take_entries (AmendsCaseHistory *self,
              GPtrArray         *items)
{
  GListModel *shown = G_LIST_MODEL (self->entries);
  guint n_old = g_list_model_get_n_items (shown);
  guint n_new = 0;

  if (n_old > 0)
    {
      g_autoptr(AmendsHistoryEntry) newest = g_list_model_get_item (shown, 0);
      gint64 newest_id = amends_history_entry_get_id (newest);

      while (n_new < items->len && amends_history_entry_get_id (items->pdata[n_new]) > newest_id)
        n_new++;
    }

  if (n_old > 0 && same_ids (shown, 0, items, n_new))
    g_list_store_splice (self->entries, 0, 0, items->pdata, n_new);
  else
    g_list_store_splice (self->entries, 0, n_old, items->pdata, items->len);
}

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AmendsCaseHistory) self = user_data;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  history = amends_store_read_history_finish (self->store, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (history == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      set_busy (self, FALSE);
      return;
    }

  n = g_list_model_get_n_items (history);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (history, i));
  take_entries (self, items);

  fill_people (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_page (self);

  /* A change came while reading: read once more. */
  if (self->stale)
    read_history (self);
  else
    set_busy (self, FALSE);
}

static void
read_history (AmendsCaseHistory *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *currency = g_settings_get_string (settings, "currency");
  g_autoptr(GDateTime) now = amends_store_dup_now (self->store);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->stale = FALSE;

  set_busy (self, TRUE);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->entries)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  amends_store_read_history_async (self->store, self->case_id, now, currency, self->cancellable,
                                   on_read_cb, g_object_ref (self));
}

static void
load_case (AmendsCaseHistory *self)
{
  g_autoptr(AmendsCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  /* One row, by its key: the title says which case this is. */
  kase = amends_store_load (self->store, AMENDS_TYPE_CASE, self->case_id, &error);
  if (kase == NULL)
    return;

  g_free (self->title);
  /* Translators: the title of a case's printed history; %s is its
   * reference, "C-2026-00042" */
  self->title = g_strdup_printf (_("History of %s"), amends_case_get_reference (kase));
  g_free (self->summary);
  self->summary = g_strdup (amends_case_get_summary (kase));

  adw_window_title_set_subtitle (self->window_title, amends_case_get_reference (kase));
  gtk_window_set_title (GTK_WINDOW (self), self->title);
}

static void
on_record_changed_cb (AmendsCaseHistory *self,
                      GType              type,
                      gint64             id,
                      AmendsStore       *store)
{
  /* A timeline entry or a story does not say its case here; reading the
   * history again costs a worker a few index lookups. */
  if ((type == AMENDS_TYPE_CASE && id == self->case_id) ||
      type == AMENDS_TYPE_ACTION || type == AMENDS_TYPE_STORY)
    self->stale = TRUE;
}

static void
on_changes_committed_cb (AmendsCaseHistory *self,
                         AmendsStore       *store)
{
  if (!self->stale)
    return;

  load_case (self);
  if (self->cancellable == NULL)
    read_history (self);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (AMENDS_CASE_HISTORY (widget)->search_entry));
}

/* GObject */

static void
amends_case_history_constructed (GObject *object)
{
  AmendsCaseHistory *self = AMENDS_CASE_HISTORY (object);

  G_OBJECT_CLASS (amends_case_history_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "record-changed",
                           G_CALLBACK (on_record_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changes-committed",
                           G_CALLBACK (on_changes_committed_cb), self, G_CONNECT_SWAPPED);

  load_case (self);
  read_history (self);
}

static void
amends_case_history_dispose (GObject *object)
{
  AmendsCaseHistory *self = AMENDS_CASE_HISTORY (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_CASE_HISTORY);

  G_OBJECT_CLASS (amends_case_history_parent_class)->dispose (object);
}

static void
amends_case_history_finalize (GObject *object)
{
  AmendsCaseHistory *self = AMENDS_CASE_HISTORY (object);

  g_clear_object (&self->store);
  g_clear_object (&self->shown);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->person_ids, g_array_unref);
  g_free (self->title);
  g_free (self->summary);

  G_OBJECT_CLASS (amends_case_history_parent_class)->finalize (object);
}

static void
amends_case_history_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AmendsCaseHistory *self = AMENDS_CASE_HISTORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_case_history_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AmendsCaseHistory *self = AMENDS_CASE_HISTORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_case_history_class_init (AmendsCaseHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = amends_case_history_constructed;
  object_class->dispose = amends_case_history_dispose;
  object_class->finalize = amends_case_history_finalize;
  object_class->get_property = amends_case_history_get_property;
  object_class->set_property = amends_case_history_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* TRUE while the history is being read */
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/amends-case-history.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseHistory, window_title);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseHistory, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseHistory, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseHistory, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseHistory, person_list);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseHistory, stack);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseHistory, list_box);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseHistory, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AmendsCaseHistory, error_page);

  gtk_widget_class_install_action (widget_class, "history.print", NULL, _amends_case_history_print_action);
  gtk_widget_class_install_action (widget_class, "history.focus-search", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "history.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "history.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
amends_case_history_init (AmendsCaseHistory *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->entries = g_list_store_new (AMENDS_TYPE_HISTORY_ENTRY);
  self->filter = gtk_custom_filter_new (filter_entry, self, NULL);
  self->shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->entries)),
                                           GTK_FILTER (self->filter));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->shown), create_row_cb, self, NULL);
  fill_people (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.print", FALSE);

  /* Connected here rather than in the template, which
   * gtk4-builder-tool validates without our callbacks. */
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->person_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);

  /* The button inside each drop-down is what takes the focus. */
  amends_accessible_name_drop_down (self->kind_dropdown, _("Kind of change"));
  amends_accessible_name_drop_down (self->person_dropdown, _("Who made the change"));
}

/**
 * amends_case_history_new:
 *
 * Returns: (transfer floating): a window showing the history of the case
 *   @case_id, read at once
 */
GtkWidget *
amends_case_history_new (AmendsStore *store,
                         gint64       case_id)
{
  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);
  g_return_val_if_fail (case_id > 0, NULL);

  return g_object_new (AMENDS_TYPE_CASE_HISTORY, "store", store, "case-id", case_id, NULL);
}

/**
 * amends_case_history_present:
 * @from: a widget of the window the history belongs to
 *
 * Shows the history of the case, in the window already open for it if
 * there is one, else in a new one beside @from's window.
 *
 * Returns: (transfer none): the window
 */
GtkWidget *
amends_case_history_present (GtkWidget   *from,
                             AmendsStore *store,
                             gint64       case_id)
{
  GtkRoot *root = gtk_widget_get_root (from);
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *window = NULL;

  for (guint i = 0; window == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (AMENDS_IS_CASE_HISTORY (item) &&
          AMENDS_CASE_HISTORY (item)->store == store &&
          AMENDS_CASE_HISTORY (item)->case_id == case_id)
        window = GTK_WIDGET (item);
    }

  if (window == NULL)
    {
      window = amends_case_history_new (store, case_id);
      /* Not one of the application's windows: activating the
       * application, quitting and restoring a backup deal with the main
       * windows, and this one goes with its own. */
      if (GTK_IS_WINDOW (root))
        gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
    }

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

gint64
amends_case_history_get_case_id (AmendsCaseHistory *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_HISTORY (self), 0);
  return self->case_id;
}

/* Returns: whether the history is being read */
gboolean
amends_case_history_get_busy (AmendsCaseHistory *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_HISTORY (self), FALSE);
  return self->busy;
}

/**
 * amends_case_history_get_shown:
 *
 * Returns: (transfer none): the #AmendsHistoryEntry the list shows, as
 *   filtered
 */
GListModel *
amends_case_history_get_shown (AmendsCaseHistory *self)
{
  g_return_val_if_fail (AMENDS_IS_CASE_HISTORY (self), NULL);
  return G_LIST_MODEL (self->shown);
}
