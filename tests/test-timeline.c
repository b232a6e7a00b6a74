/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <adwaita.h>

#include "silk-timeline.h"

typedef struct
{
  SilkDocument *document;
  SilkSelection *selection;
  GtkWindow *window;
  SilkTimeline *timeline;
  GPtrArray *activated;
} Fixture;

static void
on_event_activated (SilkTimeline *timeline,
                    SilkEvent    *event,
                    Fixture      *fixture)
{
  g_ptr_array_add (fixture->activated, event);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int width = GPOINTER_TO_INT (data);

  fixture->document = silk_document_load_bundled (&error);
  g_assert_no_error (error);
  fixture->selection = silk_selection_new ();
  fixture->activated = g_ptr_array_new ();

  fixture->timeline = SILK_TIMELINE (silk_timeline_new ());
  silk_timeline_set_document (fixture->timeline, fixture->document);
  silk_timeline_set_selection (fixture->timeline, fixture->selection);
  g_signal_connect (fixture->timeline, "event-activated", G_CALLBACK (on_event_activated), fixture);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, width, 200);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->timeline));
  gtk_window_present (fixture->window);
  while (gtk_widget_get_width (GTK_WIDGET (fixture->timeline)) < width / 2)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->selection);
  g_clear_object (&fixture->document);
  g_clear_pointer (&fixture->activated, g_ptr_array_unref);
}

static SilkEvent *
event_by_id (Fixture    *fixture,
             const char *id)
{
  SilkItem *item = silk_document_lookup (fixture->document, id);

  g_assert_true (SILK_IS_EVENT (item));
  return SILK_EVENT (item);
}

static void
test_every_event_on_the_axis_in_date_order (Fixture       *fixture,
                                            gconstpointer  data)
{
  GListModel *events = silk_document_get_items (fixture->document, SILK_ITEM_EVENT);
  guint n = silk_timeline_get_n_events (fixture->timeline);
  double previous_x = -1;

  g_assert_cmpuint (n, ==, g_list_model_get_n_items (events));
  g_assert_cmpuint (n, >, 0);

  for (guint i = 0; i < n; i++)
    {
      SilkEvent *event = silk_timeline_get_event (fixture->timeline, i);
      double x, y;

      g_assert_true (silk_timeline_get_marker_position (fixture->timeline, event, &x, &y));
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (x, <=, gtk_widget_get_width (GTK_WIDGET (fixture->timeline)));
      /* Later events never sit left of earlier ones (events of one month share a
       * place). */
      g_assert_cmpfloat (x, >=, previous_x - 0.5 * 30);
      previous_x = x;
    }
}

static void
test_axis_folds_the_founding_year (Fixture       *fixture,
                                   gconstpointer  data)
{
  double x0_2020, x1_2020, x0_2025, x1_2025, x0_2026, x1_2026, x;

  g_assert_true (silk_timeline_get_year_extent (fixture->timeline, 2020, &x0_2020, &x1_2020));
  g_assert_true (silk_timeline_get_year_extent (fixture->timeline, 2025, &x0_2025, &x1_2025));
  g_assert_true (silk_timeline_get_year_extent (fixture->timeline, 2026, &x0_2026, &x1_2026));
  /* The years between are not drawn: nothing happened in them. */
  for (guint year = 2021; year <= 2024; year++)
    g_assert_false (silk_timeline_get_year_extent (fixture->timeline, year, &x, &x));

  /* 2025 has its months; 2020 and 2026 only a year-dated event each: narrow slots,
   * and a break between 2020 and 2025. */
  g_assert_cmpfloat (x1_2020 - x0_2020, <, (x1_2025 - x0_2025) / 4);
  g_assert_cmpfloat (x1_2026 - x0_2026, <, (x1_2025 - x0_2025) / 4);
  g_assert_cmpfloat (x0_2025, >, x1_2020 + 1);
  g_assert_cmpfloat (x0_2026, >=, x1_2025 - 0.01);

  /* The Fergana Tunnel (29 April 2025) sits at the end of April. */
  g_assert_true (silk_timeline_get_marker_position (fixture->timeline,
                                                    event_by_id (fixture, "fergana-tunnel-drilling"),
                                                    &x, &x0_2020));
  g_assert_cmpfloat (x, >, x0_2025 + (x1_2025 - x0_2025) * 3.8 / 12);
  g_assert_cmpfloat (x, <, x0_2025 + (x1_2025 - x0_2025) * 4.0 / 12);
}

static void
test_labels_do_not_overlap (Fixture       *fixture,
                            gconstpointer  data)
{
  guint n = silk_timeline_get_n_events (fixture->timeline);
  guint labelled = 0;

  for (guint i = 0; i < n; i++)
    {
      graphene_rect_t a;

      if (!silk_timeline_get_label_extent (fixture->timeline, silk_timeline_get_event (fixture->timeline, i), &a))
        continue;
      labelled++;
      g_assert_cmpfloat (a.origin.x, >=, 0);
      g_assert_cmpfloat (a.origin.x + a.size.width, <=, gtk_widget_get_width (GTK_WIDGET (fixture->timeline)));

      for (guint j = i + 1; j < n; j++)
        {
          graphene_rect_t b;

          if (!silk_timeline_get_label_extent (fixture->timeline, silk_timeline_get_event (fixture->timeline, j), &b))
            continue;
          if (graphene_rect_intersection (&a, &b, NULL))
            g_error ("labels of %s and %s overlap",
                     silk_item_get_id (SILK_ITEM (silk_timeline_get_event (fixture->timeline, i))),
                     silk_item_get_id (SILK_ITEM (silk_timeline_get_event (fixture->timeline, j))));
        }
    }

  /* Most events get a label from 900 pixels on; fewer fit a narrow window, but
   * some always do. */
  if (GPOINTER_TO_INT (data) >= 900)
    g_assert_cmpuint (labelled, >=, n / 2);
  else
    g_assert_cmpuint (labelled, >, 0);
}

static void
test_keys_step_through_events (Fixture       *fixture,
                               gconstpointer  data)
{
  guint n = silk_timeline_get_n_events (fixture->timeline);

  g_assert_null (silk_timeline_get_current_event (fixture->timeline));

  /* Right from nothing starts at the first event, then walks the axis. */
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->timeline), "timeline.step", "i", 1));
      g_assert_true (silk_timeline_get_current_event (fixture->timeline) == silk_timeline_get_event (fixture->timeline, i));
      g_assert_cmpuint (fixture->activated->len, ==, i + 1);
      g_assert_true (g_ptr_array_index (fixture->activated, i) == silk_timeline_get_event (fixture->timeline, i));
    }

  /* At the end it stays at the end; Left walks back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->timeline), "timeline.step", "i", 1);
  g_assert_true (silk_timeline_get_current_event (fixture->timeline) == silk_timeline_get_event (fixture->timeline, n - 1));
  gtk_widget_activate_action (GTK_WIDGET (fixture->timeline), "timeline.step", "i", -1);
  g_assert_true (silk_timeline_get_current_event (fixture->timeline) == silk_timeline_get_event (fixture->timeline, n - 2));
}

/* The step (+1, -1) that @keyval triggers through the class's shortcuts, or 0. */
static int
bound_step (SilkTimeline *timeline,
            guint         keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (timeline));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0
              && GTK_IS_NAMED_ACTION (action)
              && g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "timeline.step"))
            return g_variant_get_int32 (gtk_shortcut_get_arguments (shortcut));
        }
    }

  return 0;
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  g_assert_cmpint (bound_step (fixture->timeline, GDK_KEY_Left), ==, -1);
  g_assert_cmpint (bound_step (fixture->timeline, GDK_KEY_Right), ==, 1);
  g_assert_cmpint (bound_step (fixture->timeline, GDK_KEY_Up), ==, 0);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (fixture->timeline)));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (fixture->timeline)), ==,
                   GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
test_selection_dims_and_clears (Fixture       *fixture,
                                gconstpointer  data)
{
  SilkEvent *tunnel = event_by_id (fixture, "fergana-tunnel-drilling");

  silk_timeline_set_current_event (fixture->timeline, tunnel);
  g_assert_true (silk_timeline_get_current_event (fixture->timeline) == tunnel);

  /* Selecting what the event concerns keeps it highlighted... */
  silk_selection_set_item (fixture->selection, silk_document_lookup (fixture->document, "cku-railway"));
  g_assert_true (silk_timeline_get_current_event (fixture->timeline) == tunnel);

  /* ...moving on to something it does not concern clears it. */
  silk_selection_set_item (fixture->selection, silk_document_lookup (fixture->document, "china-tajikistan-highway"));
  g_assert_null (silk_timeline_get_current_event (fixture->timeline));
  g_assert_cmpuint (fixture->activated->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/timeline/events-in-order", Fixture, GINT_TO_POINTER (900),
              fixture_set_up, test_every_event_on_the_axis_in_date_order, fixture_tear_down);
  g_test_add ("/timeline/axis-folds-founding-year", Fixture, GINT_TO_POINTER (900),
              fixture_set_up, test_axis_folds_the_founding_year, fixture_tear_down);
  g_test_add ("/timeline/labels-do-not-overlap/900", Fixture, GINT_TO_POINTER (900),
              fixture_set_up, test_labels_do_not_overlap, fixture_tear_down);
  g_test_add ("/timeline/labels-do-not-overlap/1500", Fixture, GINT_TO_POINTER (1500),
              fixture_set_up, test_labels_do_not_overlap, fixture_tear_down);
  g_test_add ("/timeline/labels-do-not-overlap/400", Fixture, GINT_TO_POINTER (400),
              fixture_set_up, test_labels_do_not_overlap, fixture_tear_down);
  g_test_add ("/timeline/keys-step-through-events", Fixture, GINT_TO_POINTER (900),
              fixture_set_up, test_keys_step_through_events, fixture_tear_down);
  g_test_add ("/timeline/keyboard", Fixture, GINT_TO_POINTER (900),
              fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/timeline/selection-dims-and-clears", Fixture, GINT_TO_POINTER (900),
              fixture_set_up, test_selection_dims_and_clears, fixture_tear_down);

  return g_test_run ();
}
