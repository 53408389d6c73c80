/* amends-autosave.c: a record's fields saved as they are typed
 *
 * The case editor and the customer card both edit their own copy of a
 * record and save it as the person types: 600 ms after the last change,
 * or at once when they show another record or go away.  This object is
 * that behaviour, written once; the widget that owns the fields says how
 * to read, show and describe each of them (AmendsAutosaveFuncs).
 *
 * Only the fields typed in are written: the store takes every other one
 * as it is stored now.  A value that cannot be saved as it is stays
 * typed and marked on its row, and the other fields are still written.
 * When someone else saved another value in a field typed in here, nothing
 * is written and a dialog shows both values to keep one; the typed text
 * stays on screen until then.  When the record changes elsewhere, a
 * reload takes every field the person is not typing in; the one they are
 * typing in keeps the value they began from, so that saving it can tell
 * whether someone else changed it too.
 *
 * A shared database's server may go away for a while (the network, a
 * restart).  A save then fails with AMENDS_STORE_ERROR_OFFLINE, and what
 * was typed must not be lost when the person goes on to another record:
 * a front desk does not stop serving guests because a cable came loose,
 * and a held-up switch ("wait until the server is back") would stop the
 * whole desk for something the desk cannot fix.  So the copy, with the
 * values typed into it, is put aside in a queue of pending saves (in
 * memory: closing the window with any left asks first, as any failed
 * save at closing does) and the owner shows the next record.  Reopened meanwhile, a record
 * comes back from the queue with its typed values, as it was left.
 * When the store is online again, the queue is saved oldest first, then
 * the copy on screen, each through the usual save: a field someone else
 * changed meanwhile is merged or asked about as for any stale copy.
 * While the server cannot be reached, a record can still be shown from
 * the copy a list holds (AmendsAutosaveFuncs.find_listed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-autosave"

#include "config.h"

#include "amends-autosave.h"

#include <glib/gi18n.h>

#include "amends-conflict-dialog.h"

#define SAVE_DELAY_MS 600

struct _AmendsAutosave
{
  GObject                     parent_instance;

  AmendsStore                *store;
  GType                       record_type;
  const AmendsAutosaveField  *fields;
  guint                       n_fields;
  const AmendsAutosaveFuncs  *funcs;
  gpointer                    view;           /* owns us; not a reference */
  char                       *conflict_title;

  AmendsRecord               *record;         /* our own copy; never a list's */
  guint64                     dirty;          /* 1 << field: typed but not saved yet */
  guint                       save_source;
  gboolean                    showing;        /* writing values into the widgets */
  gboolean                    flushing;       /* a conflict is the caller's to tell */
  gboolean                    waiting;        /* the copy's last save found the server away */
  GtkWidget                  *conflict_dialog;
  GPtrArray                  *pending;        /* AmendsRecord: copies left unsaved, oldest first */
  guint                       retry_source;
};

G_DEFINE_FINAL_TYPE (AmendsAutosave, amends_autosave, G_TYPE_OBJECT)

enum {
  SAVED,
  FAILED,
  PENDING_FAILED,
  WAITING_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

#define BIT(i) (G_GUINT64_CONSTANT (1) << (i))

static GParamSpec *
field_pspec (AmendsAutosave *self,
             guint           index)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (self->record_type);

  return g_object_class_find_property (G_OBJECT_CLASS (klass), self->fields[index].property);
}

static guint
field_of (AmendsAutosave *self,
          GParamSpec     *pspec)
{
  for (guint i = 0; i < self->n_fields; i++)
    if (g_str_equal (self->fields[i].property, pspec->name))
      return i;

  return G_MAXUINT;
}

static gboolean
has_focus (AmendsAutosave *self,
           guint           index)
{
  GtkWidget *widget;
  GtkRoot *root;
  GtkWidget *focus;

  if (self->fields[index].flags & AMENDS_AUTOSAVE_FIELD_NO_FOCUS)
    return FALSE;

  widget = self->funcs->get_widget (self->view, index);
  root = gtk_widget_get_root (widget);
  focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
show_field (AmendsAutosave *self,
            guint           index)
{
  GParamSpec *pspec = field_pspec (self, index);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (self->record), pspec->name, &value);

  self->showing = TRUE;
  self->funcs->show_field (self->view, index, &value);
  self->showing = FALSE;
  self->funcs->set_field_error (self->view, index, NULL);
}

static void
clear_errors (AmendsAutosave *self)
{
  for (guint i = 0; i < self->n_fields; i++)
    self->funcs->set_field_error (self->view, i, NULL);
}

static void
forget_conflict_dialog (AmendsAutosave *self)
{
  if (self->conflict_dialog == NULL)
    return;

  g_object_remove_weak_pointer (G_OBJECT (self->conflict_dialog), (gpointer *) &self->conflict_dialog);
  self->conflict_dialog = NULL;
}

static void
emit_failed (AmendsAutosave *self,
             const GError   *error)
{
  g_signal_emit (self, signals [FAILED], 0, error);
}

/* A copy put aside, not the one on screen: its owner tells the person
 * elsewhere than beside the fields, which show another record. */
static void
emit_pending_failed (AmendsAutosave *self,
                     const GError   *error)
{
  g_signal_emit (self, signals [PENDING_FAILED], 0, error);
}

static void
emit_waiting_changed (AmendsAutosave *self)
{
  g_signal_emit (self, signals [WAITING_CHANGED], 0);
}

static void
set_waiting (AmendsAutosave *self,
             gboolean        waiting)
{
  if (self->waiting == waiting)
    return;

  self->waiting = waiting;
  emit_waiting_changed (self);
}

static gboolean
is_offline (const GError *error)
{
  return g_error_matches (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_OFFLINE);
}

/* The fields of @record whose value differs from the stored one: what
 * was typed into a copy and put into it by a save. */
static guint64
changed_fields (AmendsAutosave *self,
                AmendsRecord   *record)
{
  guint64 changed = 0;

  for (guint i = 0; i < self->n_fields; i++)
    if (amends_record_field_is_changed (record, field_pspec (self, i)))
      changed |= BIT (i);

  return changed;
}

static guint
find_pending (AmendsAutosave *self,
              gint64          id)
{
  for (guint i = 0; i < self->pending->len; i++)
    if (amends_record_get_id (self->pending->pdata[i]) == id)
      return i;

  return G_MAXUINT;
}

static void schedule_retry (AmendsAutosave *self);

static void
update_copy (AmendsAutosave *self,
             AmendsRecord   *record)
{
  g_autoptr(GError) error = NULL;
  guint index;

  if (!amends_store_update (self->store, record, &error))
    {
      if (record == self->record)
        set_waiting (self, is_offline (error));
      if (g_ptr_array_find (self->pending, record, NULL))
        emit_pending_failed (self, error);
      else
        emit_failed (self, error);
      return;
    }

  /* A pending copy, asked about: the rest of the queue follows it. */
  if (g_ptr_array_find (self->pending, record, &index))
    {
      g_ptr_array_remove_index (self->pending, index);
      emit_waiting_changed (self);
      schedule_retry (self);
      return;
    }

  if (record == self->record)
    set_waiting (self, FALSE);
  g_signal_emit (self, signals [SAVED], 0);
}

static void
on_conflict_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         AmendsAutosave   *self)
{
  AmendsRecord *record = g_object_get_data (G_OBJECT (dialog), "record");
  GPtrArray *conflicts = amends_record_get_conflicts (record);
  gboolean keep_mine = g_str_equal (response, "mine");
  gboolean current = record == self->record;
  g_autoptr(GPtrArray) resolved = g_ptr_array_new ();

  if (self->conflict_dialog == GTK_WIDGET (dialog))
    forget_conflict_dialog (self);

  /* Closed without a choice: both stay as they are, the typed text on
   * screen, and the next change or flush asks again. */
  if (!keep_mine && !g_str_equal (response, "theirs"))
    return;

  if (conflicts != NULL)
    g_ptr_array_extend (resolved, conflicts, NULL, NULL);

  for (guint i = 0; i < resolved->len; i++)
    {
      GParamSpec *pspec = resolved->pdata[i];
      guint index = field_of (self, pspec);

      amends_record_resolve_conflict (record, pspec, keep_mine);
      if (current && !keep_mine && index != G_MAXUINT)
        {
          self->dirty &= ~BIT (index);
          show_field (self, index);
        }
    }

  /* The owner has moved on to another record: what was typed for this
   * one is in its copy, and is saved from there. */
  if (!current || self->dirty == 0)
    update_copy (self, record);
  else
    amends_autosave_save (self, NULL);

  if (current)
    amends_autosave_show (self, FALSE);
}

static void
ask_about_conflict (AmendsAutosave *self,
                    AmendsRecord   *record)
{
  GPtrArray *conflicts = amends_record_get_conflicts (record);
  GtkRoot *root = gtk_widget_get_root (self->funcs->get_widget (self->view, 0));
  g_autofree char *intro = NULL;
  g_autoptr(GString) body = NULL;
  GtkWidget *dialog;

  if (self->conflict_dialog != NULL || conflicts == NULL || conflicts->len == 0 ||
      !GTK_IS_WINDOW (root))
    return;

  intro = self->funcs->dup_conflict_intro (self->view, record, conflicts->len);
  body = g_string_new (intro);

  for (guint i = 0; i < conflicts->len; i++)
    {
      GParamSpec *pspec = conflicts->pdata[i];
      guint index = field_of (self, pspec);
      g_autofree char *theirs = NULL;
      g_autofree char *mine = NULL;

      if (index == G_MAXUINT)
        continue;

      theirs = self->funcs->describe_value (self->view, index,
                                            amends_record_peek_their_value (record, pspec));
      mine = self->funcs->describe_value (self->view, index,
                                          amends_record_peek_value (record, pspec));
      amends_conflict_dialog_append_field (body, _(self->fields[index].label), theirs, mine);
    }

  dialog = amends_conflict_dialog_new (GTK_WINDOW (root), self->conflict_title, body->str);
  /* The answer is for this copy, even if another record is shown by then. */
  g_object_set_data_full (G_OBJECT (dialog), "record", g_object_ref (record), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response_cb), self, 0);

  self->conflict_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->conflict_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  AmendsAutosave *self = user_data;

  self->save_source = 0;
  amends_autosave_save (self, NULL);

  return G_SOURCE_REMOVE;
}

/* The copies put aside while the server was away, oldest first, each
 * through the store's usual save (a stale field merged, a conflict asked
 * about unless flushing).  Stops at the first that fails but for one
 * deleted meanwhile, which has nowhere to go: the person is told. */
static gboolean
save_pending (AmendsAutosave  *self,
              GError         **error)
{
  while (self->pending->len > 0)
    {
      AmendsRecord *record = self->pending->pdata[0];
      g_autoptr(GError) store_error = NULL;

      if (!amends_store_update (self->store, record, &store_error))
        {
          gboolean gone = g_error_matches (store_error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND);

          if (g_error_matches (store_error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT) &&
              !self->flushing)
            ask_about_conflict (self, record);
          emit_pending_failed (self, store_error);
          if (!gone)
            {
              g_propagate_error (error, g_steal_pointer (&store_error));
              return FALSE;
            }
        }

      g_ptr_array_remove_index (self->pending, 0);
      emit_waiting_changed (self);
    }

  return TRUE;
}

static gboolean
retry_cb (gpointer user_data)
{
  AmendsAutosave *self = user_data;

  self->retry_source = 0;
  if (!amends_store_get_online (self->store))
    return G_SOURCE_REMOVE;

  if (save_pending (self, NULL) && self->dirty != 0)
    amends_autosave_save (self, NULL);

  return G_SOURCE_REMOVE;
}

/* From the main loop, not from inside the store's own notification. */
static void
schedule_retry (AmendsAutosave *self)
{
  if (self->retry_source == 0)
    self->retry_source = g_idle_add (retry_cb, self);
}

/* The server is back: what waited for it is saved, by itself. */
static void
on_online_changed_cb (AmendsAutosave *self)
{
  if (amends_store_get_online (self->store) &&
      (self->pending->len > 0 || (self->waiting && self->dirty != 0)))
    schedule_retry (self);
}

static void
amends_autosave_dispose (GObject *object)
{
  AmendsAutosave *self = (AmendsAutosave *)object;

  amends_autosave_close (self);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (amends_autosave_parent_class)->dispose (object);
}

static void
amends_autosave_finalize (GObject *object)
{
  AmendsAutosave *self = (AmendsAutosave *)object;

  g_free (self->conflict_title);

  G_OBJECT_CLASS (amends_autosave_parent_class)->finalize (object);
}

static void
amends_autosave_class_init (AmendsAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amends_autosave_dispose;
  object_class->finalize = amends_autosave_finalize;

  /**
   * AmendsAutosave::saved:
   *
   * What was typed is written: the owner may show it elsewhere (a
   * header) and clear a message about an earlier failure.
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * AmendsAutosave::failed:
   * @error: why the store did not take it
   *
   * What was typed could not be written; it stays on screen, and is
   * tried again with the next change.  A conflict with someone else's
   * change is asked about by the autosave itself.
   */
  signals [FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * AmendsAutosave::pending-failed:
   * @error: why the store did not take it
   *
   * A copy put aside while the server was away could not be saved once
   * it was back: it stays aside to be tried again, but for a record
   * deleted meanwhile (%AMENDS_STORE_ERROR_NOT_FOUND), which is dropped.
   * A conflict is asked about by the autosave itself.
   */
  signals [PENDING_FAILED] =
    g_signal_new ("pending-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * AmendsAutosave::waiting-changed:
   *
   * What waits for the database server changed: the copy shown
   * (amends_autosave_get_waiting()) or the copies put aside
   * (amends_autosave_get_n_pending()).
   */
  signals [WAITING_CHANGED] =
    g_signal_new ("waiting-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
amends_autosave_init (AmendsAutosave *self)
{
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * amends_autosave_new:
 * @fields: (array length=n_fields): the fields, which must outlive it
 * @funcs: what @view knows of its fields; must outlive it
 * @view: the widget holding the fields, passed to @funcs
 * @conflict_title: the heading of the dialog asking about a conflict
 */
AmendsAutosave *
amends_autosave_new (AmendsStore                *store,
                     GType                       record_type,
                     const AmendsAutosaveField  *fields,
                     guint                       n_fields,
                     const AmendsAutosaveFuncs  *funcs,
                     gpointer                    view,
                     const char                 *conflict_title)
{
  AmendsAutosave *self;

  g_return_val_if_fail (AMENDS_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, AMENDS_TYPE_RECORD), NULL);
  g_return_val_if_fail (n_fields > 0 && n_fields <= 64, NULL);

  self = g_object_new (AMENDS_TYPE_AUTOSAVE, NULL);
  self->store = g_object_ref (store);
  self->record_type = record_type;
  self->fields = fields;
  self->n_fields = n_fields;
  self->funcs = funcs;
  self->view = view;
  self->conflict_title = g_strdup (conflict_title);

  g_signal_connect_object (store, "notify::online",
                           G_CALLBACK (on_online_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * amends_autosave_get_record:
 *
 * Returns: (transfer none) (nullable): the copy being edited
 */
AmendsRecord *
amends_autosave_get_record (AmendsAutosave *self)
{
  g_return_val_if_fail (AMENDS_IS_AUTOSAVE (self), NULL);

  return self->record;
}

/* The copy on screen, whose last save found the server away, is put
 * aside with what was typed into it, to be saved once it is back. */
static void
put_aside (AmendsAutosave *self)
{
  if (self->record == NULL || !self->waiting || changed_fields (self, self->record) == 0)
    return;

  g_ptr_array_add (self->pending, g_steal_pointer (&self->record));
}

/* A copy put aside, shown again as it was left: its typed values are
 * the fields' own, still to be saved. */
static void
take_back (AmendsAutosave *self,
           guint           index)
{
  self->record = g_ptr_array_steal_index (self->pending, index);
  self->dirty = 0;
  amends_autosave_show (self, TRUE);
  self->dirty = changed_fields (self, self->record);
  self->waiting = TRUE;
  if (amends_store_get_online (self->store))
    schedule_retry (self);
}

/* The server cannot be reached: the copy a list holds, if the owner
 * knows of one, is the best there is to show and type into. */
static AmendsRecord *
load_listed (AmendsAutosave *self,
             gint64          id)
{
  g_autoptr(AmendsRecord) listed = NULL;
  AmendsRecord *record;

  if (self->funcs->find_listed == NULL ||
      (listed = self->funcs->find_listed (self->view, id)) == NULL ||
      G_OBJECT_TYPE (listed) != self->record_type)
    return NULL;

  record = g_object_new (self->record_type, NULL);
  amends_record_copy_fields (record, listed);

  return record;
}

/**
 * amends_autosave_load:
 * @id: the record to edit, or 0 for none
 *
 * Forgets the copy being edited (save it first) and reads its own copy
 * of record @id, shown in every field.  A copy whose save found the
 * server away is not forgotten but put aside, and saved once the server
 * is back; loading it again meanwhile shows it as it was left.
 *
 * Returns: %FALSE if the record could not be read; then none is edited
 */
gboolean
amends_autosave_load (AmendsAutosave  *self,
                      gint64           id,
                      GError         **error)
{
  g_autoptr(GError) load_error = NULL;
  gboolean was_waiting;
  guint index;

  g_return_val_if_fail (AMENDS_IS_AUTOSAVE (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  was_waiting = self->waiting || self->pending->len > 0;
  put_aside (self);
  g_clear_object (&self->record);
  self->dirty = 0;
  self->waiting = FALSE;
  clear_errors (self);

  if (id > 0 && (index = find_pending (self, id)) != G_MAXUINT)
    take_back (self, index);
  else if (id > 0)
    {
      self->record = amends_store_load (self->store, self->record_type, id, &load_error);
      if (self->record == NULL && is_offline (load_error))
        self->record = load_listed (self, id);
      if (self->record != NULL)
        amends_autosave_show (self, TRUE);
    }

  if (was_waiting || self->waiting)
    emit_waiting_changed (self);

  if (id > 0 && self->record == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&load_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * amends_autosave_reload:
 *
 * Reads the record again after someone changed it, and takes every field
 * the person is not typing in.
 *
 * Returns: %FALSE if it could not be read, %AMENDS_STORE_ERROR_NOT_FOUND
 *   when it has been deleted for good
 */
gboolean
amends_autosave_reload (AmendsAutosave  *self,
                        GError         **error)
{
  g_autoptr(AmendsRecord) fresh = NULL;
  AmendsRecordClass *klass;

  g_return_val_if_fail (AMENDS_IS_AUTOSAVE (self), FALSE);

  if (self->record == NULL)
    return TRUE;

  fresh = amends_store_load (self->store, self->record_type,
                             amends_record_get_id (self->record), error);
  if (fresh == NULL)
    return FALSE;

  klass = AMENDS_RECORD_GET_CLASS (fresh);
  g_object_freeze_notify (G_OBJECT (self->record));
  for (guint i = 0; i < klass->n_fields; i++)
    if (!amends_autosave_is_editing (self, klass->fields[i]))
      amends_record_take_field (self->record, fresh, klass->fields[i]);
  amends_record_set_version (self->record, amends_record_get_version (fresh));
  g_object_thaw_notify (G_OBJECT (self->record));

  amends_autosave_show (self, FALSE);

  return TRUE;
}

/**
 * amends_autosave_show:
 * @all: %FALSE to leave alone the field that has the focus
 *
 * Shows the copy's values; what was typed and not saved yet stays.
 */
void
amends_autosave_show (AmendsAutosave *self,
                      gboolean        all)
{
  g_return_if_fail (AMENDS_IS_AUTOSAVE (self));

  if (self->record == NULL)
    return;

  for (guint i = 0; i < self->n_fields; i++)
    {
      if ((self->dirty & BIT (i)) || (!all && has_focus (self, i)))
        continue;
      show_field (self, i);
    }
}

/**
 * amends_autosave_changed:
 *
 * The person changed field @index: it is saved after a pause.
 */
void
amends_autosave_changed (AmendsAutosave *self,
                         guint           index)
{
  g_return_if_fail (AMENDS_IS_AUTOSAVE (self));
  g_return_if_fail (index < self->n_fields);

  if (self->showing || self->record == NULL)
    return;

  self->dirty |= BIT (index);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/**
 * amends_autosave_save:
 *
 * Saves the fields typed in and not saved yet, now.  A value that cannot
 * be saved as it is stays typed and marked on its row; a conflict with
 * someone else's change asks which to keep (not while flushing: then the
 * caller hears of it).
 *
 * Returns: %FALSE if anything typed is still not saved
 */
gboolean
amends_autosave_save (AmendsAutosave  *self,
                      GError         **error)
{
  g_autoptr(GError) store_error = NULL;
  g_autoptr(GError) field_error = NULL;
  guint64 applied = 0;

  g_return_val_if_fail (AMENDS_IS_AUTOSAVE (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->record == NULL || self->dirty == 0)
    return TRUE;

  for (guint i = 0; i < self->n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(GError) read_error = NULL;

      if (!(self->dirty & BIT (i)))
        continue;

      if (!self->funcs->read_field (self->view, i, &value, &read_error))
        {
          self->funcs->set_field_error (self->view, i, read_error->message);
          if (field_error == NULL)
            g_set_error (&field_error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID,
                         /* Translators: a field's name, then why its value cannot be saved */
                         _("%s was not saved: %s"), _(self->fields[i].label), read_error->message);
          continue;
        }

      self->funcs->set_field_error (self->view, i, NULL);
      g_object_set_property (G_OBJECT (self->record), self->fields[i].property, &value);
      applied |= BIT (i);
    }

  if (applied != 0 && !amends_store_update (self->store, self->record, &store_error))
    {
      /* What was typed stays on screen, to be saved again: by itself
       * once the server is back, when that was what failed. */
      set_waiting (self, is_offline (store_error));
      if (g_error_matches (store_error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_CONFLICT) &&
          !self->flushing)
        ask_about_conflict (self, self->record);
      emit_failed (self, store_error);
      g_propagate_error (error, g_steal_pointer (&store_error));
      return FALSE;
    }

  self->dirty &= ~applied;
  if (applied != 0)
    {
      set_waiting (self, FALSE);
      g_signal_emit (self, signals [SAVED], 0);
    }

  if (field_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&field_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * amends_autosave_flush:
 *
 * Like amends_autosave_save(), for a caller that tells the person itself
 * of a failure (closing, quitting): a conflict is not asked about.
 */
gboolean
amends_autosave_flush (AmendsAutosave  *self,
                       GError         **error)
{
  g_autoptr(GError) pending_error = NULL;
  gboolean saved;

  g_return_val_if_fail (AMENDS_IS_AUTOSAVE (self), FALSE);

  /* The copies put aside first, as they were typed first. */
  self->flushing = TRUE;
  saved = save_pending (self, &pending_error);
  saved = amends_autosave_save (self, pending_error == NULL ? error : NULL) && saved;
  self->flushing = FALSE;

  if (pending_error != NULL)
    g_propagate_error (error, g_steal_pointer (&pending_error));

  return saved;
}

/**
 * amends_autosave_close:
 *
 * The owner is going away: what was typed is saved, whatever closes it,
 * and a dialog still asking about a conflict goes.  Nothing is edited
 * afterwards.
 */
void
amends_autosave_close (AmendsAutosave *self)
{
  g_return_if_fail (AMENDS_IS_AUTOSAVE (self));

  amends_autosave_flush (self, NULL);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  /* What could not be saved goes with the widgets that showed it; the
   * window's own flush has asked about it before closing. */
  g_clear_object (&self->record);
  self->dirty = 0;
  self->waiting = FALSE;
  if (self->pending != NULL)
    g_ptr_array_set_size (self->pending, 0);

  if (self->conflict_dialog != NULL)
    {
      GtkWidget *dialog = self->conflict_dialog;

      forget_conflict_dialog (self);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

/**
 * amends_autosave_get_unsaved:
 *
 * Returns: whether anything typed is not saved yet
 */
gboolean
amends_autosave_get_unsaved (AmendsAutosave *self)
{
  g_return_val_if_fail (AMENDS_IS_AUTOSAVE (self), FALSE);

  return (self->record != NULL && self->dirty != 0) || self->pending->len > 0;
}

/**
 * amends_autosave_get_waiting:
 *
 * Returns: whether what was typed into the copy shown waits for the
 *   database server, to be saved once it is back
 */
gboolean
amends_autosave_get_waiting (AmendsAutosave *self)
{
  g_return_val_if_fail (AMENDS_IS_AUTOSAVE (self), FALSE);

  return self->record != NULL && self->waiting;
}

/**
 * amends_autosave_has_pending:
 *
 * Returns: whether a copy of record @id is put aside, waiting for the
 *   database server
 */
gboolean
amends_autosave_has_pending (AmendsAutosave *self,
                             gint64          id)
{
  g_return_val_if_fail (AMENDS_IS_AUTOSAVE (self), FALSE);

  return find_pending (self, id) != G_MAXUINT;
}

/**
 * amends_autosave_get_pending_id:
 * @index: below amends_autosave_get_n_pending()
 *
 * Returns: the record of the copy put aside at @index, oldest first
 */
gint64
amends_autosave_get_pending_id (AmendsAutosave *self,
                                guint           index)
{
  g_return_val_if_fail (AMENDS_IS_AUTOSAVE (self), 0);
  g_return_val_if_fail (index < self->pending->len, 0);

  return amends_record_get_id (self->pending->pdata[index]);
}

/**
 * amends_autosave_get_n_pending:
 *
 * Returns: how many other records' copies wait for the database server,
 *   put aside with what was typed into them
 */
guint
amends_autosave_get_n_pending (AmendsAutosave *self)
{
  g_return_val_if_fail (AMENDS_IS_AUTOSAVE (self), 0);

  return self->pending->len;
}

/**
 * amends_autosave_is_editing:
 *
 * Returns: whether @pspec is a field someone is typing in, or has typed
 *   in and not saved: a reload leaves it as they began it
 */
gboolean
amends_autosave_is_editing (AmendsAutosave *self,
                            GParamSpec     *pspec)
{
  guint index;

  g_return_val_if_fail (AMENDS_IS_AUTOSAVE (self), FALSE);

  if ((index = field_of (self, pspec)) == G_MAXUINT)
    return FALSE;

  return (self->dirty & BIT (index)) != 0 || has_focus (self, index);
}

/**
 * amends_autosave_forget:
 *
 * A value for @property comes from elsewhere (a dialog asked for it): what
 * was typed in its field and not saved yet is not saved.
 */
void
amends_autosave_forget (AmendsAutosave *self,
                        const char     *property)
{
  g_return_if_fail (AMENDS_IS_AUTOSAVE (self));

  for (guint i = 0; i < self->n_fields; i++)
    if (g_str_equal (self->fields[i].property, property))
      self->dirty &= ~BIT (i);
}

static char *
dup_widget_text (GtkWidget *widget)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (widget), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * amends_autosave_dup_unsaved_text:
 *
 * What was typed into the text fields and not saved, each under its
 * label, for the clipboard when a save fails at quit.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when nothing
 *   typed is unsaved
 */
char *
amends_autosave_dup_unsaved_text (AmendsAutosave *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (AMENDS_IS_AUTOSAVE (self), NULL);

  for (guint i = 0; i < self->n_fields; i++)
    {
      g_autofree char *typed = NULL;

      if (!(self->dirty & BIT (i)) || !(self->fields[i].flags & AMENDS_AUTOSAVE_FIELD_TEXT))
        continue;

      typed = dup_widget_text (self->funcs->get_widget (self->view, i));
      g_string_append_printf (text, "%s%s:\n%s\n", text->len ? "\n" : "",
                              _(self->fields[i].label), typed);
    }

  /* And what was typed into the copies put aside, as they hold it. */
  for (guint p = 0; p < self->pending->len; p++)
    {
      AmendsRecord *record = self->pending->pdata[p];
      guint64 changed = changed_fields (self, record);

      for (guint i = 0; i < self->n_fields; i++)
        {
          g_autofree char *typed = NULL;

          if (!(changed & BIT (i)) || !(self->fields[i].flags & AMENDS_AUTOSAVE_FIELD_TEXT))
            continue;

          typed = self->funcs->describe_value (self->view, i,
                                               amends_record_peek_value (record, field_pspec (self, i)));
          g_string_append_printf (text, "%s%s:\n%s\n", text->len ? "\n" : "",
                                  _(self->fields[i].label), typed);
        }
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}
