/* amends-window-board.c: the Board view of the window: stories and heroes
 *
 * The board moves stories itself, and its page puts the heroes beside it;
 * the window opens the story editor for it and shows the staff-room
 * screen.  Ctrl+P prints the summary of the period the Measures view shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-window-board"

#include "config.h"

#include <glib/gi18n.h>

#include "amends-board-page.h"
#include "amends-board-view.h"
#include "amends-measures-sheet.h"
#include "amends-measures-view.h"
#include "amends-print.h"
#include "amends-staff-room.h"
#include "amends-store-measures.h"
#include "amends-story-editor.h"
#include "amends-window-private.h"

/* The staff-room screen shows the last four weeks: long enough to have
 * something to show early in a week. */
#define STAFF_ROOM_DAYS 28

static void
on_edit_story_cb (AmendsWindow    *self,
                  AmendsStory     *story,
                  AmendsBoardView *board)
{
  GtkWindow *editor = GTK_WINDOW (amends_story_editor_new (GTK_WINDOW (self), self->store, story));

  gtk_window_present (editor);
}

static void
on_staff_room_measured_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      data)
{
  GWeakRef *weak = data;
  g_autoptr(AmendsStaffRoom) room = g_weak_ref_get (weak);
  g_autoptr(AmendsMeasuresSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;

  g_weak_ref_clear (weak);
  g_free (weak);

  sheet = amends_measures_sheet_measure_finish (result, &error);
  if (room == NULL)
    return;

  parent = gtk_window_get_transient_for (GTK_WINDOW (room));
  if (sheet == NULL && AMENDS_IS_WINDOW (parent))
    amends_window_show_error (AMENDS_WINDOW (parent), error->message);
  if (sheet != NULL)
    g_object_set (amends_staff_room_get_measures_slide (room),
                  "recovered-within-share", sheet->period.recovered_within.share,
                  "blown-away-share", sheet->period.blown_away.share,
                  NULL);
  amends_measures_slide_set_measuring (amends_staff_room_get_measures_slide (room), FALSE);
}

/* The room opens at once; its two figures follow from a worker thread. */
static void
amends_window_staff_room_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  AmendsWindow *self = AMENDS_WINDOW (widget);
  g_autoptr(GDateTime) now = amends_store_dup_now (self->store);
  g_autoptr(GDateTime) from = g_date_time_add_days (now, -STAFF_ROOM_DAYS);
  GWeakRef *weak = g_new0 (GWeakRef, 1);
  AmendsStaffRoom *room;
  AmendsMeasuresSlide *measures;

  room = amends_staff_room_new (GTK_WINDOW (self), self->store);
  measures = amends_staff_room_get_measures_slide (room);
  amends_measures_slide_set_period (measures, from, now);
  g_object_set (measures,
                "measuring", TRUE,
                "recovered-within-target", g_settings_get_int (self->settings, "target-recovered-within"),
                "blown-away-target", g_settings_get_int (self->settings, "target-blown-away"),
                NULL);

  g_weak_ref_init (weak, room);
  amends_measures_sheet_measure_async (self->store, from, now, NULL, NULL, NULL, 0,
                                       AMENDS_MEASURES_SHEET_PERIOD, NULL,
                                       on_staff_room_measured_cb, weak);
  gtk_window_present (GTK_WINDOW (room));
}

/* Prints the summary of the period the Measures view shows (a week, a
 * month, a quarter or any days); the dialog lets the person pick pages,
 * paper and a preview. */
static void
amends_window_print_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  AmendsWindow *self = AMENDS_WINDOW (widget);
  AmendsMeasuresView *view = AMENDS_MEASURES_VIEW (self->measures_view);

  amends_print_summary (GTK_WINDOW (self), self->store, amends_measures_view_get_period (view));
}

void
amends_window_board_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (AMENDS_TYPE_BOARD_PAGE);
  g_type_ensure (AMENDS_TYPE_MEASURES_VIEW);
  gtk_widget_class_bind_template_child (widget_class, AmendsWindow, measures_view);

  gtk_widget_class_install_action (widget_class, "win.staff-room", NULL, amends_window_staff_room_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.staff-room", NULL);

  gtk_widget_class_install_action (widget_class, "win.print", NULL, amends_window_print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
}

/* The board's toasts follow the window's rule: the newest replaces the one
 * shown, and an Undo or an error stays until dismissed. */
static void
on_board_toast_cb (AmendsWindow *self,
                   AdwToast     *toast)
{
  if (adw_toast_get_priority (toast) == ADW_TOAST_PRIORITY_HIGH)
    adw_toast_set_timeout (toast, 0);
  amends_window_add_toast (self, g_object_ref (toast));
}

void
amends_window_board_constructed (AmendsWindow *self)
{
  AmendsBoardPage *page = AMENDS_BOARD_PAGE (adw_view_stack_get_child_by_name (self->stack, "board"));

  self->board_view = amends_board_page_get_board_view (page);
  amends_board_page_set_store (page, self->store);
  amends_measures_view_set_store (AMENDS_MEASURES_VIEW (self->measures_view), self->store);
  g_signal_connect_object (self->board_view, "edit-story",
                           G_CALLBACK (on_edit_story_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->board_view, "toast",
                           G_CALLBACK (on_board_toast_cb), self,
                           G_CONNECT_SWAPPED);
}
