/* syllabus-compat.c

 * Copyright 2026 The Syllabus developers
 *
 * This program is free software: you can redistribute it and/or modify it
 * under the terms of the GNU General Public License as published by the Free
 * Software Foundation, either version 3 of the License, or (at your option)
 * any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "syllabus-compat.h"

#include <glib/gi18n.h>

#if GTK_CHECK_VERSION (4, 10, 0)
static void
launch_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (object), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    g_debug ("Could not open link: %s", error->message);
}
#endif

/**
 * syllabus_show_uri:
 * @parent: (nullable): the window asking
 * @uri: the address to open in the user's browser or mail program
 *
 * Opens @uri with the user's default program. Inside Flatpak both paths go
 * through the OpenURI portal.
 */
void
syllabus_show_uri (GtkWindow  *parent,
                   const char *uri)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

  gtk_uri_launcher_launch (launcher, parent, NULL, launch_ready_cb, NULL);
#else
  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
#endif
}

/**
 * syllabus_show_about:
 * @parent: the window to show the about window for
 */
void
syllabus_show_about (GtkWindow *parent)
{
  static const char *developers[] = { "The Syllabus developers", NULL };

#if ADW_CHECK_VERSION (1, 5, 0)
  AdwDialog *about = adw_about_dialog_new ();
# define SET(what, ...) adw_about_dialog_set_##what (ADW_ABOUT_DIALOG (about), __VA_ARGS__)
#else
  GtkWidget *about = adw_about_window_new ();
# define SET(what, ...) adw_about_window_set_##what (ADW_ABOUT_WINDOW (about), __VA_ARGS__)
#endif

  SET (application_name, _("Syllabus"));
  SET (application_icon, APPLICATION_ID);
  SET (version, PACKAGE_VERSION);
  SET (developer_name, _("The Syllabus developers"));
  SET (developers, developers);
  SET (license_type, GTK_LICENSE_GPL_3_0);
  SET (website, "https://github.com/syllabus/syllabus");
  SET (issue_url, "https://github.com/syllabus/syllabus/issues");
  SET (comments, _("Study from curated learning pages and keep track of what you finished."));
  /* Translators: put your names here, one per line */
  SET (translator_credits, _("translator-credits"));
#undef SET

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (about, GTK_WIDGET (parent));
#else
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_window_present (GTK_WINDOW (about));
#endif
}

static GtkFileFilter *
make_filter (SyllabusFileKind kind)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  switch (kind)
    {
    case SYLLABUS_FILE_BACKUP:
      gtk_file_filter_set_name (filter, _("Progress Backups (JSON)"));
      gtk_file_filter_add_mime_type (filter, "application/json");
      gtk_file_filter_add_suffix (filter, "json");
      break;
    case SYLLABUS_FILE_TOPIC:
    case SYLLABUS_FILE_REPORT:
    default:
      gtk_file_filter_set_name (filter, kind == SYLLABUS_FILE_TOPIC ? _("Topics (Markdown)")
                                                                    : _("Reports (Markdown)"));
      gtk_file_filter_add_mime_type (filter, "text/markdown");
      gtk_file_filter_add_suffix (filter, "md");
      break;
    }

  return filter;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
file_dialog_ready_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GFile *file;

  if (GPOINTER_TO_INT (g_task_get_task_data (task)))
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  else
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, &error);

  if (file != NULL)
    g_task_return_pointer (task, file, g_object_unref);
  else
    g_task_return_error (task, error);
}
#else
static void
native_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    g_task_return_pointer (task, gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native)),
                           g_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Dismissed");

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}
#endif

/**
 * syllabus_choose_file:
 * @kind: what the file holds, which sets the filter
 * @save: whether the file is to be written
 * @title: the dialog's title
 * @initial_name: (nullable): the proposed name, when saving
 *
 * Asks the user for a file, through the file chooser portal where there is
 * one.
 */
void
syllabus_choose_file (GtkWindow           *parent,
                      SyllabusFileKind     kind,
                      gboolean             save,
                      const char          *title,
                      const char          *initial_name,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GtkFileFilter) filter = make_filter (kind);

  g_task_set_task_data (task, GINT_TO_POINTER (save), NULL);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, filter);
    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_set_default_filter (dialog, filter);
    if (save)
      {
        gtk_file_dialog_set_initial_name (dialog, initial_name);
        gtk_file_dialog_save (dialog, parent, cancellable, file_dialog_ready_cb, task);
      }
    else
      {
        gtk_file_dialog_open (dialog, parent, cancellable, file_dialog_ready_cb, task);
      }
  }
#else
  {
    GtkFileChooserNative *native;

    native = gtk_file_chooser_native_new (title, parent,
                                          save ? GTK_FILE_CHOOSER_ACTION_SAVE
                                               : GTK_FILE_CHOOSER_ACTION_OPEN,
                                          save ? _("_Save") : _("_Open"), _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    if (save && initial_name != NULL)
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);
    g_signal_connect (native, "response", G_CALLBACK (native_response_cb), task);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

/**
 * syllabus_choose_file_finish:
 *
 * Returns: (transfer full) (nullable): the chosen file, or %NULL when the
 *   user cancelled
 */
GFile *
syllabus_choose_file_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
confirm_response_cb (GObject    *dialog,
                     const char *response,
                     gpointer    user_data)
{
  g_autoptr(GTask) task = user_data;

  g_task_return_boolean (task, g_strcmp0 (response, "confirm") == 0);
}

/**
 * syllabus_confirm:
 * @confirm_label: the label of the destructive button, with a mnemonic
 *
 * Asks the user to confirm a destructive action.
 */
void
syllabus_confirm (GtkWindow           *parent,
                  const char          *heading,
                  const char          *body,
                  const char          *confirm_label,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

#if ADW_CHECK_VERSION (1, 5, 0)
  AdwDialog *dialog = adw_alert_dialog_new (heading, body);

  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "confirm", confirm_label,
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "confirm",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), task);
  adw_dialog_present (dialog, GTK_WIDGET (parent));
#else
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), task);
  gtk_window_present (GTK_WINDOW (dialog));
#endif
}

gboolean
syllabus_confirm_finish (GAsyncResult *result)
{
  return g_task_propagate_boolean (G_TASK (result), NULL);
}

/**
 * syllabus_list_view_scroll_to:
 * @position: the item to bring into view
 *
 * Scrolls @list_view so that the item at @position is shown and focused.
 */
void
syllabus_list_view_scroll_to (GtkListView *list_view,
                              guint        position)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_list_view_scroll_to (list_view, position, GTK_LIST_SCROLL_FOCUS, NULL);
#else
  GtkSelectionModel *selection = gtk_list_view_get_model (list_view);
  GListModel *model = GTK_IS_NO_SELECTION (selection)
                      ? gtk_no_selection_get_model (GTK_NO_SELECTION (selection)) : NULL;

  /* The item may not be in the list yet: show them all first. */
  if (GTK_IS_SLICE_LIST_MODEL (model))
    gtk_slice_list_model_set_size (GTK_SLICE_LIST_MODEL (model), G_MAXUINT);

  gtk_widget_activate_action (GTK_WIDGET (list_view), "list.scroll-to-item", "u", position);
#endif
}

#if !GTK_CHECK_VERSION (4, 12, 0)
/* Before 4.12, a GtkListView makes a widget for up to 200 items at once,
 * whatever it shows (GTK_LIST_VIEW_MAX_LIST_ITEMS). With wrapping labels,
 * two hundred rows take a second or more to build and lay out: a long list
 * is handed over in steps instead, enough items for a screen in the first
 * frame and a few more in each of the next frames, so that the window is
 * drawn at once and stays responsive while the rest arrives. */
#define FIRST_STEP 10
#define NEXT_STEPS 4
#define ROWS_BUILT 200

typedef struct
{
  GtkSliceListModel *slice;
  gboolean           drawn;
} Steps;

static void
steps_free (gpointer data)
{
  Steps *steps = data;

  g_object_unref (steps->slice);
  g_free (steps);
}

static gboolean
grow_slice_cb (GtkWidget     *list_view,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  Steps *steps = user_data;
  GtkSliceListModel *slice = steps->slice;
  GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (list_view));
  guint size;

  /* Another list took its place. */
  if (!GTK_IS_NO_SELECTION (selection) ||
      gtk_no_selection_get_model (GTK_NO_SELECTION (selection)) != G_LIST_MODEL (slice))
    return G_SOURCE_REMOVE;

  /* Ticks come before layout: the first frame shows the first step. */
  if (!steps->drawn)
    {
      steps->drawn = TRUE;
      return G_SOURCE_CONTINUE;
    }

  /* Past the rows the list view keeps, more items cost nothing. */
  size = gtk_slice_list_model_get_size (slice);
  if (size >= ROWS_BUILT + FIRST_STEP)
    {
      gtk_slice_list_model_set_size (slice, G_MAXUINT);
      return G_SOURCE_REMOVE;
    }

  gtk_slice_list_model_set_size (slice, size + NEXT_STEPS);

  return G_SOURCE_CONTINUE;
}
#endif

/**
 * syllabus_list_view_model_in_steps:
 * @list_view: the list view that will show @model
 * @model: the items
 *
 * Returns the model to give @list_view for @model: @model itself, or with
 * GTK before 4.12, a slice of it that grows frame by frame to the whole
 * list, starting after the first frame.
 *
 * Returns: (transfer full): the model to show
 */
GListModel *
syllabus_list_view_model_in_steps (GtkListView *list_view,
                                   GListModel  *model)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  return g_object_ref (model);
#else
  Steps *steps;

  if (g_list_model_get_n_items (model) <= FIRST_STEP)
    return g_object_ref (model);

  steps = g_new0 (Steps, 1);
  steps->slice = gtk_slice_list_model_new (g_object_ref (model), 0, FIRST_STEP);
  gtk_widget_add_tick_callback (GTK_WIDGET (list_view), grow_slice_cb, steps, steps_free);

  return G_LIST_MODEL (g_object_ref (steps->slice));
#endif
}

/* libadwaita 1.2 gives the close button of a toast neither a name nor a
 * tooltip: a screen reader calls it "GtkImage". Later versions name it;
 * naming it here as they do is harmless there. The button exists once the
 * toast is shown, which may be after the toast before it is dismissed. */
static void
name_close_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0)
    {
      /* Translators: the button that closes a notification */
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dismiss"),
                                      -1);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_close_button (child);
}

/* Toasts are children of the overlay beside its content, which holds the
 * rest of the window: only they are searched. */
static gboolean
name_toast_buttons_cb (gpointer user_data)
{
  GWeakRef *overlay_ref = user_data;
  g_autoptr(GtkWidget) overlay = g_weak_ref_get (overlay_ref);

  if (overlay == NULL)
    return G_SOURCE_REMOVE;

  for (GtkWidget *child = gtk_widget_get_first_child (overlay);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (G_OBJECT_TYPE_NAME (child), "AdwToastWidget") == 0)
      name_close_button (child);

  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
queue_naming (AdwToastOverlay *overlay)
{
  GWeakRef *overlay_ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (overlay_ref, overlay);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, name_toast_buttons_cb, overlay_ref, weak_ref_free);
}

/**
 * syllabus_add_toast:
 * @overlay: where to show @toast
 * @toast: (transfer full): the toast
 *
 * Shows @toast as adw_toast_overlay_add_toast() does, with every control
 * of it named for screen readers.
 */
void
syllabus_add_toast (AdwToastOverlay *overlay,
                    AdwToast        *toast)
{
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* A toast waiting behind another is shown when that one goes. */
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (queue_naming), overlay,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (overlay, toast);
  queue_naming (overlay);
}
