/* amends-board-page.c: the Board view of the window
 *
 * The board takes what width there is; the heroes and the staff-room
 * button sit beside it while there is room for both, and fold away into
 * a sheet over the board when there is not (AdwFlap).  Folded, a bar
 * above the board offers the staff-room screen and the Heroes button
 * (F9) that slides the sheet in; Escape or a click on the board sends it
 * away again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-board-page"

#include "config.h"

#include "amends-board-page.h"
#include "amends-training-pack.h"

#include "amends-accessible.h"
#include "amends-board-view.h"
#include "amends-heroes-panel.h"

struct _AmendsBoardPage
{
  GtkWidget          parent_instance;

  AdwFlap           *flap;
  GtkWidget         *folded_bar;
  GtkToggleButton   *heroes_button;
  GtkScrolledWindow *board_scroller;
  GtkWidget         *board_view;
  GtkWidget         *side;
  GtkWidget         *staff_room_button;
  GtkWidget         *heroes_panel;
};

G_DEFINE_FINAL_TYPE (AmendsBoardPage, amends_board_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Folded, the bar above the board holds the staff-room button, so that
 * it is not behind the sheet, and F9 works; unfolded, the heroes are
 * always there. */
static void
on_folded_cb (AmendsBoardPage *self)
{
  gboolean folded = adw_flap_get_folded (self->flap);

  gtk_widget_set_visible (self->folded_bar, folded);
  gtk_widget_set_visible (self->staff_room_button, !folded);
  gtk_widget_set_margin_top (self->heroes_panel, folded ? 12 : 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board-page.toggle-heroes", folded);
}

/* The sheet gone with the focus in it (Escape, or folded away): the
 * focus goes back to the button that brings it. */
static void
on_reveal_cb (AmendsBoardPage *self)
{
  if (adw_flap_get_reveal_flap (self->flap) || !adw_flap_get_folded (self->flap))
    return;

  if (gtk_widget_get_state_flags (self->side) & GTK_STATE_FLAG_FOCUS_WITHIN)
    gtk_widget_grab_focus (GTK_WIDGET (self->heroes_button));
}

/* F9: the sheet slides in with the focus in it, so that the keyboard can
 * go on from there; again, it goes away. */
static void
toggle_heroes_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AmendsBoardPage *self = AMENDS_BOARD_PAGE (widget);
  gboolean reveal = !adw_flap_get_reveal_flap (self->flap);

  adw_flap_set_reveal_flap (self->flap, reveal);
  if (reveal)
    gtk_widget_child_focus (self->side, GTK_DIR_TAB_FORWARD);
}

static void
amends_board_page_dispose (GObject *object)
{
  AmendsBoardPage *self = (AmendsBoardPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AMENDS_TYPE_BOARD_PAGE);

  G_OBJECT_CLASS (amends_board_page_parent_class)->dispose (object);
}

static void
amends_board_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AmendsBoardPage *self = AMENDS_BOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, amends_board_page_get_store (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_board_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AmendsBoardPage *self = AMENDS_BOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      amends_board_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amends_board_page_class_init (AmendsBoardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amends_board_page_dispose;
  object_class->get_property = amends_board_page_get_property;
  object_class->set_property = amends_board_page_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AMENDS_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AMENDS_TYPE_BOARD_VIEW);
  g_type_ensure (AMENDS_TYPE_HEROES_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-board-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsBoardPage, flap);
  gtk_widget_class_bind_template_child (widget_class, AmendsBoardPage, folded_bar);
  gtk_widget_class_bind_template_child (widget_class, AmendsBoardPage, heroes_button);
  gtk_widget_class_bind_template_child (widget_class, AmendsBoardPage, board_scroller);
  gtk_widget_class_bind_template_child (widget_class, AmendsBoardPage, board_view);
  gtk_widget_class_bind_template_child (widget_class, AmendsBoardPage, side);
  gtk_widget_class_bind_template_child (widget_class, AmendsBoardPage, staff_room_button);
  gtk_widget_class_bind_template_child (widget_class, AmendsBoardPage, heroes_panel);

  gtk_widget_class_install_action (widget_class, "board-page.toggle-heroes", NULL, toggle_heroes_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "board-page.toggle-heroes", NULL);
  amends_training_pack_install_action (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
amends_board_page_init (AmendsBoardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  amends_accessible_unmnemonic_buttons (GTK_WIDGET (self));

  g_signal_connect_object (self->flap, "notify::folded", G_CALLBACK (on_folded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (on_reveal_cb), self, G_CONNECT_SWAPPED);
  on_folded_cb (self);
}

GtkWidget *
amends_board_page_new (void)
{
  return g_object_new (AMENDS_TYPE_BOARD_PAGE, NULL);
}

AmendsStore *
amends_board_page_get_store (AmendsBoardPage *self)
{
  g_return_val_if_fail (AMENDS_IS_BOARD_PAGE (self), NULL);

  return amends_board_view_get_store (AMENDS_BOARD_VIEW (self->board_view));
}

/**
 * amends_board_page_set_store:
 *
 * Gives the board and the heroes their store, once.
 */
void
amends_board_page_set_store (AmendsBoardPage *self,
                             AmendsStore     *store)
{
  g_return_if_fail (AMENDS_IS_BOARD_PAGE (self));
  g_return_if_fail (store == NULL || AMENDS_IS_STORE (store));

  if (amends_board_page_get_store (self) == store)
    return;

  amends_board_view_set_store (AMENDS_BOARD_VIEW (self->board_view), store);
  amends_heroes_panel_set_store (AMENDS_HEROES_PANEL (self->heroes_panel), store);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

/* Returns: (transfer none): the #AmendsBoardView */
GtkWidget *
amends_board_page_get_board_view (AmendsBoardPage *self)
{
  g_return_val_if_fail (AMENDS_IS_BOARD_PAGE (self), NULL);

  return self->board_view;
}

/* Returns: whether the heroes are folded away into a sheet */
gboolean
amends_board_page_get_heroes_folded (AmendsBoardPage *self)
{
  g_return_val_if_fail (AMENDS_IS_BOARD_PAGE (self), FALSE);

  return adw_flap_get_folded (self->flap);
}
