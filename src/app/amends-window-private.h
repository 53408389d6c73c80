/* amends-window-private.h: what the window's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amends-batch.h"
#include "amends-case-editor.h"
#include "amends-case-sidebar.h"
#include "amends-window.h"

G_BEGIN_DECLS

struct _AmendsWindow
{
  AdwApplicationWindow  parent_instance;

  AmendsStore          *store;
  GSettings            *settings;

  /* Set while the picker follows the setting, so that it does not write
   * the same choice straight back. */
  gboolean              following_settings;

  GtkDropDown          *staff_dropdown;
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *database_banner;
  GtkLabel             *database_banner_label;
  GtkWidget            *database_banner_export;
  GtkWidget            *database_banner_restore;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget            *database_name_squeezer;
  GtkWidget            *database_name_box;
  GtkImage             *database_name_icon;
  GtkLabel             *database_name_label;
  GtkRevealer          *offline_banner;
  GtkLabel             *offline_banner_label;
  AdwViewStack         *stack;
  GtkStack             *cases_stack;
  AdwLeaflet           *cases_leaflet;
  GtkWidget            *detail_box;
  AmendsCaseSidebar    *sidebar;
  GtkStack             *detail_stack;
  AmendsCaseEditor     *editor;
  AdwStatusPage        *batch_page;
  AdwStatusPage        *trash_batch_page;
  GMenu                *assign_menu;
  GMenu                *category_menu;

  GtkWidget            *board_view;
  GtkWidget            *measures_view;

  /* What the detail showed last, to go to it on a narrow window when the
   * selection changes (and not when the list only reloads). */
  gint64                detail_case_id;
  /* Set while the arrows walk the list: on a narrow window that does not
   * turn the page to each case passed; a click or Enter does. */
  gboolean              walking_list;
  guint                 detail_n_selected;

  /* A case just logged, whose row takes the focus once it is selected. */
  gint64                focus_case_id;
  guint                 focus_tick_id;
  guint                 focus_ticks;

  /* Set when the person chose to close although a save failed. */
  gboolean              close_anyway;

  /* The newest toast, which the next one replaces; the one on the
   * overlay and since when; the newest while it waits for that one to
   * have been shown long enough (amends_window_add_toast()). */
  AdwToast             *toast;
  AdwToast             *toast_shown;
  gint64                toast_shown_since;
  AdwToast             *toast_waiting;
  gboolean              toast_dismiss_shown;
  guint                 toast_settle_id;

  /* The last change to cases, kept for Ctrl+Z and its toast's Undo
   * (amends-window-undo.c); the case the editor shows as stored, to see
   * the steps taken on it; set while an undo runs. */
  AmendsBatch          *last_batch;
  AdwToast             *undo_toast;
  AmendsCase           *shown_case;
  gboolean              undoing;
};

void amends_window_load_staff       (AmendsWindow   *self);
void amends_window_board_class_init  (GtkWidgetClass *widget_class);
void amends_window_board_constructed (AmendsWindow   *self);
void amends_window_io_class_init     (GtkWidgetClass *widget_class);
void amends_window_backup_class_init (GtkWidgetClass *widget_class);
void amends_window_restore_backup    (AmendsWindow   *self,
                                      const char     *backup);
void amends_window_show_database_state (AmendsWindow *self);
void amends_window_shared_class_init  (GtkWidgetClass *widget_class);
void amends_window_shared_constructed (AmendsWindow   *self);
void amends_window_import_file       (AmendsWindow   *self,
                                      const char     *path);
gboolean amends_window_export_file   (AmendsWindow   *self,
                                      const char     *path,
                                      GError        **error);
void amends_window_cases_class_init  (GtkWidgetClass *widget_class);
void amends_window_cases_constructed (AmendsWindow   *self);
void amends_window_cases_dispose     (AmendsWindow   *self);
void amends_window_cases_load        (AmendsWindow   *self);
GtkListView *amends_window_find_case_list (AmendsWindow *self);
void amends_window_undo_class_init   (GtkWidgetClass *widget_class);
void amends_window_undo_constructed  (AmendsWindow   *self);
void amends_window_undo_dispose      (AmendsWindow   *self);
void amends_window_offer_undo        (AmendsWindow   *self,
                                      AmendsBatch    *batch,
                                      const char     *title);
void amends_window_follow_shown_case (AmendsWindow   *self,
                                      gint64          case_id);

G_END_DECLS
