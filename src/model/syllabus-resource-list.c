/* syllabus-resource-list.c
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

#include "config.h"

#include "syllabus-resource-list.h"

/* A topic's resources as a GListModel: an array that never changes once
 * the topic is parsed. A GListStore would do, but it keeps its items in a
 * balanced tree with one node per item, and building that tree is a
 * noticeable part of parsing a topic that lists thousands of links; an
 * array also gives any item without a search.
 */
struct _SyllabusResourceList
{
  GObject    parent_instance;

  /* owned references */
  GPtrArray *items;   /* SyllabusResource */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SyllabusResourceList, syllabus_resource_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
syllabus_resource_list_get_item_type (GListModel *model)
{
  return SYLLABUS_TYPE_RESOURCE;
}

static guint
syllabus_resource_list_get_n_items (GListModel *model)
{
  SyllabusResourceList *self = SYLLABUS_RESOURCE_LIST (model);

  return self->items->len;
}

static gpointer
syllabus_resource_list_get_item (GListModel *model,
                                 guint       position)
{
  SyllabusResourceList *self = SYLLABUS_RESOURCE_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = syllabus_resource_list_get_item_type;
  iface->get_n_items = syllabus_resource_list_get_n_items;
  iface->get_item = syllabus_resource_list_get_item;
}

static void
syllabus_resource_list_finalize (GObject *object)
{
  SyllabusResourceList *self = (SyllabusResourceList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (syllabus_resource_list_parent_class)->finalize (object);
}

static void
syllabus_resource_list_class_init (SyllabusResourceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = syllabus_resource_list_finalize;
}

static void
syllabus_resource_list_init (SyllabusResourceList *self)
{
}

/**
 * syllabus_resource_list_new_take:
 * @resources: (transfer full) (nullable) (element-type SyllabusResource):
 *   the resources in list order, an array that frees its items with
 *   g_object_unref(), or %NULL for an empty list
 *
 * Returns: (transfer full): a list model of @resources, which it keeps as
 *   they are
 */
SyllabusResourceList *
syllabus_resource_list_new_take (GPtrArray *resources)
{
  SyllabusResourceList *self = g_object_new (SYLLABUS_TYPE_RESOURCE_LIST, NULL);

  self->items = resources != NULL ? resources : g_ptr_array_new_with_free_func (g_object_unref);

  return self;
}
