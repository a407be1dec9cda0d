/* syllabus-study-dialog.c
 *
 * Copyright 2026 The Syllabus developers
 *
 * This program is free software: you can redistribute it and/or modify it
 * under the terms of the GNU General Public License as published by the Free
 * Software Foundation, either version 3 of the License, or (at your option)
 * any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* "Your Study": the study of the last twelve months at a glance, as a heat
 * map of days, the figures (days of study, resources finished, the current
 * and longest streak) and a small bar per topic of done, in progress,
 * skipped and not started. What it shows is what it was opened with: the
 * Markdown report exports the same figures as text. */

#include "config.h"

#include "syllabus-study-dialog.h"

#include <glib/gi18n.h>

#include "syllabus-activity.h"
#include "syllabus-heat-map.h"
#include "syllabus-status-bar.h"
#include "syllabus-topic.h"

struct _SyllabusStudyDialog
{
  AdwDialog        parent_instance;

  /* Template widgets */
  SyllabusHeatMap *heat_map;
  GtkFlowBox      *figures;
  GtkListBox      *topics_list;
};

G_DEFINE_FINAL_TYPE (SyllabusStudyDialog, syllabus_study_dialog, ADW_TYPE_DIALOG)

static void
syllabus_study_dialog_class_init (SyllabusStudyDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (SYLLABUS_TYPE_HEAT_MAP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/syllabus/Syllabus/syllabus-study-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SyllabusStudyDialog, heat_map);
  gtk_widget_class_bind_template_child (widget_class, SyllabusStudyDialog, figures);
  gtk_widget_class_bind_template_child (widget_class, SyllabusStudyDialog, topics_list);
}

static void
syllabus_study_dialog_init (SyllabusStudyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A figure: its number large, what it counts below. Read as one: "3,
 * current streak in days". */
static void
add_figure (SyllabusStudyDialog *self,
            guint                value,
            const char          *what)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *label = gtk_label_new (what);
  g_autofree char *text = g_strdup_printf ("%u", value);
  g_autofree char *spoken = g_strdup_printf ("%u %s", value, what);

  gtk_label_set_text (GTK_LABEL (number), text);
  gtk_widget_add_css_class (number, "title-1");
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (number),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), label);
  gtk_flow_box_append (self->figures, box);
}

static void
add_topic (SyllabusStudyDialog *self,
           SyllabusStore       *store,
           SyllabusTopic       *topic)
{
  SyllabusCounts counts;
  GtkWidget *row;
  GtkWidget *bar;
  g_autofree char *subtitle = NULL;
  guint not_started;

  syllabus_store_count (store, syllabus_topic_get_id (topic), syllabus_topic_get_resources (topic),
                        &counts);
  not_started = counts.total - counts.done - counts.in_progress - counts.skipped;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), syllabus_topic_get_title (topic));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Translators: a topic's figures under its name in "Your Study" */
  subtitle = g_strdup_printf (_("%u done · %u in progress · %u skipped · %u not started"),
                              counts.done, counts.in_progress, counts.skipped, not_started);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  bar = syllabus_status_bar_new (&counts);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 64, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
  gtk_list_box_append (self->topics_list, row);
}

/**
 * syllabus_study_dialog_new:
 * @topics: (element-type SyllabusTopic): the library's topics
 * @now: the time it is opened, in the time zone whose days count
 *
 * Returns: (transfer floating): the dialog, to present
 */
AdwDialog *
syllabus_study_dialog_new (SyllabusStore *store,
                           GListModel    *topics,
                           GDateTime     *now)
{
  SyllabusStudyDialog *self;
  g_autoptr(SyllabusActivity) activity = NULL;
  guint n;

  g_return_val_if_fail (SYLLABUS_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (topics), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (SYLLABUS_TYPE_STUDY_DIALOG, NULL);
  activity = syllabus_activity_new (store, now);
  syllabus_heat_map_set_activity (self->heat_map, activity);

  add_figure (self, syllabus_activity_get_n_study_days (activity), _("days of study"));
  add_figure (self, syllabus_activity_get_n_finished (activity), _("resources finished"));
  add_figure (self, syllabus_activity_get_current_streak (activity), _("days in a row, now"));
  add_figure (self, syllabus_activity_get_longest_streak (activity), _("days in a row at most"));

  n = g_list_model_get_n_items (topics);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusTopic) topic = g_list_model_get_item (topics, i);

      add_topic (self, store, topic);
    }

  return ADW_DIALOG (self);
}
