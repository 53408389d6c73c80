/* amends-measure-tile.c: one figure of the Measures view, on a tile
 *
 * A tile knows which figure it shows, and so its caption and the tooltip
 * that says what it counts; the open counts of a period that is over are
 * as it ended, and say so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-measure-tile"

#include "config.h"

#include "amends-measure-tile.h"

#include <glib/gi18n.h>

#include "amends-measures-format.h"
#include "amends-money.h"

#define N_TILES (AMENDS_MEASURES_TILE_RULE_BENDS + 1)

struct _AmendsMeasureTile
{
  GtkFlowBoxChild     parent_instance;

  AmendsMeasuresTile  tile;

  /* template */
  GtkWidget          *box;
  GtkLabel           *value_label;
  GtkLabel           *caption_label;
};

G_DEFINE_FINAL_TYPE (AmendsMeasureTile, amends_measure_tile, GTK_TYPE_FLOW_BOX_CHILD)

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
tile_caption (AmendsMeasuresTile   tile,
              gboolean             period_over,
              const char         **tooltip)
{
  for (guint i = 0; period_over && i < G_N_ELEMENTS (ended_tile_texts); i++)
    if (ended_tile_texts[i].tile == tile)
      {
        *tooltip = _(ended_tile_texts[i].tooltip);
        return _(ended_tile_texts[i].caption);
      }

  *tooltip = _(tile_texts[tile].tooltip);
  return _(tile_texts[tile].caption);
}

static void
amends_measure_tile_class_init (AmendsMeasureTileClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* No dispose_template: the flow box child lets go of its child itself. */
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/amends-measure-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasureTile, box);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasureTile, value_label);
  gtk_widget_class_bind_template_child (widget_class, AmendsMeasureTile, caption_label);
}

static void
amends_measure_tile_init (AmendsMeasureTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
amends_measure_tile_new (AmendsMeasuresTile tile)
{
  AmendsMeasureTile *self;

  g_return_val_if_fail (tile < N_TILES, NULL);

  self = g_object_new (AMENDS_TYPE_MEASURE_TILE, NULL);
  self->tile = tile;
  gtk_label_set_text (self->caption_label, _(tile_texts[tile].caption));
  gtk_widget_set_tooltip_text (self->box, _(tile_texts[tile].tooltip));
  /* Named before the first figures come, or a screen reader reads the
   * class name of a tile it reaches while they are measured. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(tile_texts[tile].caption),
                                  -1);

  return GTK_WIDGET (self);
}

static void
set_value (AmendsMeasureTile *self,
           const char        *text,
           gboolean           period_over)
{
  g_autofree char *label = NULL;
  const char *tooltip;
  const char *caption = tile_caption (self->tile, period_over, &tooltip);

  gtk_label_set_text (self->value_label, text);
  gtk_label_set_text (self->caption_label, caption);
  gtk_widget_set_tooltip_text (self->box, tooltip);

  /* Translators: a tile read by a screen reader: "Overdue now: 2" */
  label = g_strdup_printf (_("%s: %s"), caption, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
}

static char *
dup_text (AmendsMeasuresTile    tile,
          const AmendsMeasures *m,
          const char           *currency)
{
  switch (tile)
    {
    case AMENDS_MEASURES_TILE_CASES:          return g_strdup_printf ("%u", m->n_happened);
    case AMENDS_MEASURES_TILE_OPEN:           return g_strdup_printf ("%u", m->n_open);
    case AMENDS_MEASURES_TILE_OVERDUE:        return g_strdup_printf ("%u", m->n_overdue);
    case AMENDS_MEASURES_TILE_UNOWNED:        return g_strdup_printf ("%u", m->n_unowned);
    case AMENDS_MEASURES_TILE_PENDING:        return g_strdup_printf ("%u", m->n_pending);
    case AMENDS_MEASURES_TILE_MEDIAN:         return amends_measures_format_seconds (m->median_seconds);
    case AMENDS_MEASURES_TILE_P90:            return amends_measures_format_seconds (m->p90_seconds);
    case AMENDS_MEASURES_TILE_PROACTIVE:      return amends_measures_format_share (&m->proactive);
    case AMENDS_MEASURES_TILE_SURPRISE_SPEND: return amends_money_format_amount (currency, m->surprise_cents);
    case AMENDS_MEASURES_TILE_RULE_BENDS:     return g_strdup_printf ("%u", m->n_rule_bends);
    default:                                  g_return_val_if_reached (NULL);
    }
}

static void
set_alert (AmendsMeasureTile *self,
           const char        *css_class,
           gboolean           alert)
{
  if (alert)
    gtk_widget_add_css_class (GTK_WIDGET (self->value_label), css_class);
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), css_class);
}

/**
 * amends_measure_tile_show:
 * @m: the measures of the period
 * @period_over: whether the period shown is over: its open counts are
 *   then as it ended
 * @currency: the ISO code the money is in
 */
void
amends_measure_tile_show (AmendsMeasureTile    *self,
                          const AmendsMeasures *m,
                          gboolean              period_over,
                          const char           *currency)
{
  g_autofree char *text = NULL;

  g_return_if_fail (AMENDS_IS_MEASURE_TILE (self));

  text = dup_text (self->tile, m, currency);
  set_value (self, text, period_over);

  /* What needs someone now stands out; nothing to worry about stays calm. */
  if (self->tile == AMENDS_MEASURES_TILE_OVERDUE)
    set_alert (self, "overdue", m->n_overdue > 0);
  else if (self->tile == AMENDS_MEASURES_TILE_UNOWNED)
    set_alert (self, "unowned", m->n_unowned > 0);
}

const char *
amends_measure_tile_get_text (AmendsMeasureTile *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURE_TILE (self), NULL);

  return gtk_label_get_text (self->value_label);
}

const char *
amends_measure_tile_get_caption (AmendsMeasureTile *self)
{
  g_return_val_if_fail (AMENDS_IS_MEASURE_TILE (self), NULL);

  return gtk_label_get_text (self->caption_label);
}
