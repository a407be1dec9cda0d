/* syllabus-topic-view.c

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

#include "syllabus-topic-view.h"
#include "syllabus-topic-view-private.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>
#include <webkit/webkit.h>

#include "syllabus-dialogs.h"
#include "syllabus-links.h"

/* Shows a topic's introduction, rendered by md4c, in a WebKit view that is
 * locked down: no JavaScript, no remote loads, no navigation away from the
 * page. Links to the web open in the user's browser.
 */
struct _SyllabusTopicView
{
  GtkWidget       parent_instance;

  /* Owned references */
  WebKitWebView  *web_view;
  SyllabusTopic  *topic;
  char           *page_uri;
  char           *body_html;
  GBytes         *stylesheet;

  guint           announced_render : 1;
  guint           leaving : 1;
};

G_DEFINE_FINAL_TYPE (SyllabusTopicView, syllabus_topic_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TOPIC,
  PROP_ZOOM_LEVEL,
  N_PROPS
};

enum {
  LEAVE_PAGE,
  N_SIGNALS
};

/* The steps Ctrl+plus and Ctrl+minus go through, as in Epiphany. */
static const double zoom_levels[] = {
  0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.2, 1.33, 1.5, 1.7, 2.0, 2.4, 3.0
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Nothing but our inline styles and images next to the topic may load: no
 * scripts, frames, fonts, remote images or style sheets. */
static const char content_security_policy[] =
  "default-src 'none'; style-src 'unsafe-inline'; img-src resource: file: data:; "
  "font-src 'none'; script-src 'none'; object-src 'none'; frame-src 'none'; "
  "connect-src 'none'; media-src 'none'; form-action 'none'; base-uri 'none'";

static const char fallback_page_uri[] = "resource://" RESOURCE_PREFIX "/content/";

static char *
font_css (GtkWidget *widget)
{
  g_autofree char *font_name = NULL;
  g_autoptr(PangoFontDescription) desc = NULL;
  const char *family = NULL;
  double size = 11;

  /* WebKit applies the system text scale (the font DPI) itself. */
  g_object_get (gtk_widget_get_settings (widget), "gtk-font-name", &font_name, NULL);
  if (font_name != NULL)
    desc = pango_font_description_from_string (font_name);
  if (desc != NULL)
    {
      family = pango_font_description_get_family (desc);
      if (pango_font_description_get_size (desc) > 0)
        size = (double)pango_font_description_get_size (desc) / PANGO_SCALE;
    }

  /* Points to CSS pixels, at 96 dpi. */
  return g_strdup_printf (":root { --ui-font: \"%s\", system-ui, sans-serif; "
                          "font-size: %.1fpx; }",
                          family != NULL ? family : "Cantarell",
                          size * 96.0 / 72.0);
}

static void
render (SyllabusTopicView *self)
{
  g_autoptr(GString) page = NULL;
  g_autofree char *fonts = NULL;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  if (self->body_html == NULL)
    return;

  fonts = font_css (GTK_WIDGET (self));
  page = g_string_new ("<!DOCTYPE html>\n<html");
  if (dark)
    g_string_append (page, " class=\"dark\"");
  g_string_append (page, "><head><meta charset=\"utf-8\">"
                         "<meta name=\"color-scheme\" content=\"light dark\"><style>");
  g_string_append (page, fonts);
  g_string_append_len (page, g_bytes_get_data (self->stylesheet, NULL),
                       g_bytes_get_size (self->stylesheet));
  /* The text is a stop of its own for Tab, before the links: there a
   * screen reader enters the page and reads it (Orca's browse mode). */
  g_string_append (page, "</style></head><body><main tabindex=\"0\">");
  g_string_append (page, self->body_html);
  g_string_append (page, "</main></body></html>\n");

  webkit_web_view_load_html (self->web_view, page->str, self->page_uri);
}

/* The style, font or text scale changed: the page is rendered again. */
static void
dark_changed_cb (SyllabusTopicView *self)
{
  render (self);
}

static gboolean
decide_policy_cb (SyllabusTopicView        *self,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  WebKitWebView            *web_view)
{
  WebKitNavigationAction *action;
  WebKitURIRequest *request;
  const char *uri;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    return FALSE;

  action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  request = webkit_navigation_action_get_request (action);
  uri = webkit_uri_request_get_uri (request);

  switch (syllabus_link_decide (self->page_uri, uri))
    {
    case SYLLABUS_LINK_STAY:
      /* The page's own load, or a jump to a place in it. A link to the
       * page's address itself (such as "." in a file topic) would load the
       * folder rather than the topic, so only fragments are followed. */
      if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION &&
          (webkit_navigation_action_get_navigation_type (action) != WEBKIT_NAVIGATION_TYPE_LINK_CLICKED ||
           strchr (uri, '#') != NULL))
        {
          webkit_policy_decision_use (decision);
          return TRUE;
        }
      break;

    case SYLLABUS_LINK_OPEN_EXTERNAL:
      if (webkit_navigation_action_is_user_gesture (action))
        syllabus_show_uri (GTK_WIDGET (self), uri);
      break;

    case SYLLABUS_LINK_REFUSE:
    default:
      g_debug ("Refused to follow %s", uri);
      break;
    }

  webkit_policy_decision_ignore (decision);
  return TRUE;
}

/* The few page actions that keep a use on a document that cannot be
 * navigated: everything else WebKit offers is removed. */
static gboolean
keeps_context_action (WebKitContextMenuAction action)
{
  return action == WEBKIT_CONTEXT_MENU_ACTION_COPY ||
         action == WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD ||
         action == WEBKIT_CONTEXT_MENU_ACTION_COPY_IMAGE_URL_TO_CLIPBOARD ||
         action == WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL;
}

static gboolean
context_menu_cb (SyllabusTopicView   *self,
                 WebKitContextMenu   *menu,
                 WebKitHitTestResult *hit_test_result,
                 WebKitWebView       *web_view)
{
  GList *items = g_list_copy (webkit_context_menu_get_items (menu));

  for (const GList *l = items; l != NULL; l = l->next)
    {
      WebKitContextMenuItem *item = l->data;

      if (!keeps_context_action (webkit_context_menu_item_get_stock_action (item)))
        webkit_context_menu_remove (menu, item);
    }
  g_list_free (items);

  /* Show nothing rather than an empty menu. */
  return webkit_context_menu_get_n_items (menu) == 0;
}

static void
load_changed_cb (SyllabusTopicView *self,
                 WebKitLoadEvent    event,
                 WebKitWebView     *web_view)
{
  if (event == WEBKIT_LOAD_FINISHED && !self->announced_render)
    {
      self->announced_render = TRUE;
      g_debug ("startup: introduction rendered");
    }
}

/* Says that the keyboard focus is to leave the page, unless it is already
 * leaving: a window that finds no other pane to go to comes back here. */
static void
leave_page (SyllabusTopicView *self,
            GtkDirectionType   direction)
{
  if (self->leaving)
    return;

  self->leaving = TRUE;
  g_signal_emit (self, signals[LEAVE_PAGE], 0, direction);
  self->leaving = FALSE;
}

/* Ctrl+Tab and Ctrl+Shift+Tab, GTK's keys for leaving a widget that keeps
 * Tab, leave the page at once, wherever the focus is in it. */
static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  leave_page (SYLLABUS_TOPIC_VIEW (widget),
              g_variant_get_int32 (parameter) < 0 ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
}

static void
add_leave_shortcut (GtkShortcutController *controller,
                    guint                  keyval,
                    GdkModifierType        modifiers,
                    int                    step)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_named_action_new ("page.leave"));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (step));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* Entering the page, the keyboard focus goes on to its first stop, the
 * text (Shift+Tab: its last link), as it would from one Tab inside it: there
 * a screen reader starts reading. Moving the focus inside a page takes a
 * script; it runs in a world of its own, and the page's scripts stay off. */
static void
focus_page_end (SyllabusTopicView *self,
                GtkDirectionType   direction)
{
  const char *script =
    direction == GTK_DIR_TAB_BACKWARD || direction == GTK_DIR_UP || direction == GTK_DIR_LEFT
      ? "var stops = document.querySelectorAll('main, a[href]');"
        "if (stops.length) stops[stops.length - 1].focus ({ preventScroll: true });"
      : "var main = document.querySelector('main'); if (main) main.focus ({ preventScroll: true });";

  webkit_web_view_evaluate_javascript (self->web_view, script, -1, "syllabus-focus", NULL,
                                       NULL, NULL, NULL);
}

/* GTK's focus chain, seen from the page.
 *
 * Coming in, whichever way, the web view itself takes the focus: not the
 * 0×0 text box WebKitGTK keeps inside the view, which Shift+Tab would reach
 * first, and which keeps every Tab after it. Inside, Tab moves along the
 * page's links; past the last one (or at once, in a page without links)
 * WebKit hands the focus back to GTK, which asks here for the next stop:
 * the page is left, for the pane after it, and the same with Shift+Tab
 * before the first link, for the pane before. */
static gboolean
syllabus_topic_view_focus (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  SyllabusTopicView *self = SYLLABUS_TOPIC_VIEW (widget);

  if (gtk_widget_get_focus_child (widget) == NULL)
    {
      if (!gtk_widget_grab_focus (GTK_WIDGET (self->web_view)))
        return FALSE;
      focus_page_end (self, direction);
      return TRUE;
    }

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return FALSE;

  leave_page (self, direction);

  /* Without a window to move it, GTK moves the focus on by itself. */
  return gtk_widget_get_focus_child (widget) == NULL;
}

/* Given the focus, as a window gives it to the pane a person moved to,
 * the page puts it on its text as Tab would. */
static gboolean
syllabus_topic_view_grab_focus (GtkWidget *widget)
{
  SyllabusTopicView *self = SYLLABUS_TOPIC_VIEW (widget);

  if (!gtk_widget_grab_focus (GTK_WIDGET (self->web_view)))
    return FALSE;

  focus_page_end (self, GTK_DIR_TAB_FORWARD);
  return TRUE;
}

static void
syllabus_topic_view_dispose (GObject *object)
{
  SyllabusTopicView *self = (SyllabusTopicView *)object;

  if (self->web_view != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->web_view));
      self->web_view = NULL;
    }
  g_clear_object (&self->topic);

  G_OBJECT_CLASS (syllabus_topic_view_parent_class)->dispose (object);
}

static void
syllabus_topic_view_finalize (GObject *object)
{
  SyllabusTopicView *self = (SyllabusTopicView *)object;

  g_clear_pointer (&self->page_uri, g_free);
  g_clear_pointer (&self->body_html, g_free);
  g_clear_pointer (&self->stylesheet, g_bytes_unref);

  G_OBJECT_CLASS (syllabus_topic_view_parent_class)->finalize (object);
}

static void
syllabus_topic_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SyllabusTopicView *self = SYLLABUS_TOPIC_VIEW (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      g_value_set_object (value, self->topic);
      break;
    case PROP_ZOOM_LEVEL:
      g_value_set_double (value, syllabus_topic_view_get_zoom_level (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syllabus_topic_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SyllabusTopicView *self = SYLLABUS_TOPIC_VIEW (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      syllabus_topic_view_set_topic (self, g_value_get_object (value));
      break;
    case PROP_ZOOM_LEVEL:
      syllabus_topic_view_set_zoom_level (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syllabus_topic_view_class_init (SyllabusTopicViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = syllabus_topic_view_dispose;
  object_class->finalize = syllabus_topic_view_finalize;
  object_class->get_property = syllabus_topic_view_get_property;
  object_class->set_property = syllabus_topic_view_set_property;

  properties[PROP_TOPIC] =
    g_param_spec_object ("topic", NULL, NULL, SYLLABUS_TYPE_TOPIC,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM_LEVEL] =
    g_param_spec_double ("zoom-level", NULL, NULL,
                         zoom_levels[0], zoom_levels[G_N_ELEMENTS (zoom_levels) - 1], 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SyllabusTopicView::leave-page:
   * @direction: %GTK_DIR_TAB_FORWARD when Tab went past the page's last
   *   link, %GTK_DIR_TAB_BACKWARD when Shift+Tab went before its first
   *
   * The keyboard focus is to leave the page for the pane after or before
   * it. Ctrl+Tab and Ctrl+Shift+Tab leave it too, from anywhere in it.
   */
  signals[LEAVE_PAGE] =
    g_signal_new ("leave-page", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, GTK_TYPE_DIRECTION_TYPE);

  widget_class->focus = syllabus_topic_view_focus;
  widget_class->grab_focus = syllabus_topic_view_grab_focus;
  gtk_widget_class_install_action (widget_class, "page.leave", "i", leave_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "topicview");

  /* One local page at a time, never revisited by URL: no need for the
   * memory a browser's caches take. */
  webkit_web_context_set_cache_model (webkit_web_context_get_default (),
                                      WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
syllabus_topic_view_init (SyllabusTopicView *self)
{
  g_autoptr(WebKitNetworkSession) session = webkit_network_session_new_ephemeral ();
  g_autoptr(WebKitSettings) settings = NULL;
  GtkEventController *shortcuts;
  GdkRGBA transparent = { 0, 0, 0, 0 };

  settings = g_object_new (WEBKIT_TYPE_SETTINGS,
                           "enable-javascript", FALSE,
                           "enable-javascript-markup", FALSE,
                           "enable-developer-extras", FALSE,
                           "javascript-can-open-windows-automatically", FALSE,
                           "enable-html5-local-storage", FALSE,
                           "enable-html5-database", FALSE,
                           "enable-page-cache", FALSE,
                           "enable-webgl", FALSE,
                           "enable-webaudio", FALSE,
                           "enable-media", FALSE,
                           "enable-fullscreen", FALSE,
                           "allow-file-access-from-file-urls", FALSE,
                           "allow-universal-access-from-file-urls", FALSE,
                           "allow-top-navigation-to-data-urls", FALSE,
                           "enable-back-forward-navigation-gestures", FALSE,
                           NULL);

  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                 "network-session", session,
                                 "settings", settings,
                                 "default-content-security-policy", content_security_policy,
                                 NULL);
  gtk_widget_set_parent (GTK_WIDGET (self->web_view), GTK_WIDGET (self));

  /* Before the web view, which hands every key to the page and only gives
   * back, some time later, those the page did not use. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_leave_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Tab, GDK_CONTROL_MASK, 1);
  add_leave_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Tab, GDK_CONTROL_MASK, 1);
  add_leave_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Tab, GDK_CONTROL_MASK | GDK_SHIFT_MASK, -1);
  add_leave_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_ISO_Left_Tab, GDK_CONTROL_MASK | GDK_SHIFT_MASK, -1);
  add_leave_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Tab, GDK_CONTROL_MASK | GDK_SHIFT_MASK, -1);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  /* The window's background shows through, so there is no white flash
   * before the first paint and dark mode matches exactly. */
  webkit_web_view_set_background_color (self->web_view, &transparent);

  self->stylesheet = g_resources_lookup_data (RESOURCE_PREFIX "/page.css",
                                              G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (self->stylesheet != NULL);

  g_signal_connect_object (self->web_view, "decide-policy",
                           G_CALLBACK (decide_policy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "context-menu",
                           G_CALLBACK (context_menu_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "load-changed",
                           G_CALLBACK (load_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-xft-dpi",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-font-name",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Introduction"),
                                  -1);
}

GtkWidget *
syllabus_topic_view_new (void)
{
  return g_object_new (SYLLABUS_TYPE_TOPIC_VIEW, NULL);
}

/**
 * syllabus_topic_view_get_topic:
 *
 * Returns: (transfer none) (nullable): the topic shown
 */
SyllabusTopic *
syllabus_topic_view_get_topic (SyllabusTopicView *self)
{
  g_return_val_if_fail (SYLLABUS_IS_TOPIC_VIEW (self), NULL);

  return self->topic;
}

void
syllabus_topic_view_set_topic (SyllabusTopicView *self,
                               SyllabusTopic     *topic)
{
  const char *base_uri;

  g_return_if_fail (SYLLABUS_IS_TOPIC_VIEW (self));
  g_return_if_fail (!topic || SYLLABUS_IS_TOPIC (topic));

  if (!g_set_object (&self->topic, topic))
    return;

  g_clear_pointer (&self->body_html, g_free);
  if (topic != NULL)
    {
      base_uri = syllabus_topic_get_base_uri (topic);
      g_free (self->page_uri);
      self->page_uri = g_strdup (base_uri != NULL ? base_uri : fallback_page_uri);
      self->body_html = g_strdup (syllabus_topic_get_introduction_html (topic));
      render (self);
    }
  else
    {
      webkit_web_view_load_html (self->web_view, "", NULL);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC]);
}

double
syllabus_topic_view_get_zoom_level (SyllabusTopicView *self)
{
  g_return_val_if_fail (SYLLABUS_IS_TOPIC_VIEW (self), 1.0);

  return webkit_web_view_get_zoom_level (self->web_view);
}

void
syllabus_topic_view_set_zoom_level (SyllabusTopicView *self,
                                    double             zoom_level)
{
  g_return_if_fail (SYLLABUS_IS_TOPIC_VIEW (self));

  zoom_level = CLAMP (zoom_level, zoom_levels[0], zoom_levels[G_N_ELEMENTS (zoom_levels) - 1]);
  if (G_APPROX_VALUE (zoom_level, webkit_web_view_get_zoom_level (self->web_view), 0.001))
    return;

  webkit_web_view_set_zoom_level (self->web_view, zoom_level);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_LEVEL]);
}

/**
 * syllabus_topic_view_zoom:
 * @steps: how many zoom steps to go up (positive) or down (negative); 0
 *   returns to the normal size
 */
void
syllabus_topic_view_zoom (SyllabusTopicView *self,
                          int                steps)
{
  double current;
  guint i;

  g_return_if_fail (SYLLABUS_IS_TOPIC_VIEW (self));

  if (steps == 0)
    {
      syllabus_topic_view_set_zoom_level (self, 1.0);
      return;
    }

  current = syllabus_topic_view_get_zoom_level (self);

  /* The nearest step at or below the current level. */
  for (i = G_N_ELEMENTS (zoom_levels) - 1; i > 0; i--)
    if (zoom_levels[i] <= current + 0.001)
      break;
  if (steps < 0 && zoom_levels[i] < current - 0.001)
    steps++;

  i = CLAMP ((int)i + steps, 0, (int)G_N_ELEMENTS (zoom_levels) - 1);
  syllabus_topic_view_set_zoom_level (self, zoom_levels[i]);
}

WebKitWebView *
_syllabus_topic_view_get_web_view (SyllabusTopicView *self)
{
  g_return_val_if_fail (SYLLABUS_IS_TOPIC_VIEW (self), NULL);

  return self->web_view;
}

const char *
_syllabus_topic_view_get_page_uri (SyllabusTopicView *self)
{
  g_return_val_if_fail (SYLLABUS_IS_TOPIC_VIEW (self), NULL);

  return self->page_uri;
}

void
_syllabus_topic_view_set_body_html (SyllabusTopicView *self,
                                    const char        *body_html)
{
  g_return_if_fail (SYLLABUS_IS_TOPIC_VIEW (self));

  g_free (self->body_html);
  self->body_html = g_strdup (body_html);
  if (self->page_uri == NULL)
    self->page_uri = g_strdup (fallback_page_uri);
  render (self);
}
