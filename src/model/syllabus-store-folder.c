/* syllabus-store-folder.c
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

/* The progress folder: one file per topic, how a topic id becomes a file
 * name, reading every topic file (a damaged one is moved aside on its own,
 * the others load) and writing one. */

#include "config.h"

#include "syllabus-store-private.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "syllabus-atomic-file.h"
#include "syllabus-damage-log.h"

/* File names --------------------------------------------------------------- */

/* A topic id is a file name of the library (any bytes but "/", made UTF-8),
 * or whatever a backup held. Its file is named by escaping: every byte
 * outside [A-Za-z0-9._-], and a leading ".", becomes "%XX" (two upper-case
 * hex digits), as in a URI; the name gets ".json". Nothing else changes,
 * so the name can be turned back into the id. Three cases are named
 * differently:
 *
 * - the empty id is "%.json" (a "%" without digits, no escape can make);
 * - "." and ".." cannot arise (a leading "." is escaped);
 * - an id whose escaped form would be longer than MAX_STEM is cut to
 *   CUT_STEM bytes, between escapes, followed by "~" and 16 hex digits of
 *   its SHA-256: "~" is never left unescaped, so no other id is named so.
 *   Such a name cannot be turned back; the id is read from the file.
 *
 * Every file also names its topic inside ("topic"): loading takes the id
 * from there, and only a file whose name is the one its id gets is taken,
 * so that a copy ("rust (copy).json") is left alone. */
#define MAX_STEM 200
#define CUT_STEM 160

static gboolean
is_kept_byte (guchar c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '_' || c == '-';
}

/**
 * _syllabus_store_topic_file_name:
 * @topic_id: a topic's id
 *
 * Returns: (transfer full): the name of @topic_id's file in the folder
 */
char *
_syllabus_store_topic_file_name (const char *topic_id)
{
  GString *name = g_string_new (NULL);

  if (*topic_id == '\0')
    g_string_append_c (name, '%');

  for (const guchar *p = (const guchar *)topic_id; *p != '\0'; p++)
    {
      if (is_kept_byte (*p) && !(p == (const guchar *)topic_id && *p == '.'))
        g_string_append_c (name, *p);
      else
        g_string_append_printf (name, "%%%02X", *p);
    }

  if (name->len > MAX_STEM)
    {
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, topic_id, -1);
      gsize cut = CUT_STEM;

      /* Not inside an escape. */
      if (name->str[cut - 1] == '%')
        cut -= 1;
      else if (name->str[cut - 2] == '%')
        cut -= 2;
      g_string_truncate (name, cut);
      g_string_append_c (name, '~');
      g_string_append_len (name, hash, 16);
    }

  g_string_append (name, ".json");

  return g_string_free (name, FALSE);
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;

  return -1;
}

/**
 * _syllabus_store_topic_id_from_file_name:
 * @name: a file name in the folder
 *
 * Returns: (transfer full) (nullable): the topic id @name is the file of,
 *   or %NULL if it is no name _syllabus_store_topic_file_name() makes, or
 *   one of a long id cut short
 */
char *
_syllabus_store_topic_id_from_file_name (const char *name)
{
  g_autoptr(GString) id = NULL;
  g_autofree char *check = NULL;
  gsize length;

  if (!g_str_has_suffix (name, ".json"))
    return NULL;
  length = strlen (name) - strlen (".json");
  if (length == 1 && name[0] == '%')
    return g_strdup ("");

  id = g_string_new (NULL);
  for (gsize i = 0; i < length; i++)
    {
      if (name[i] == '%')
        {
          int high = i + 2 < length ? hex_value (name[i + 1]) : -1;
          int low = high >= 0 ? hex_value (name[i + 2]) : -1;

          if (low < 0 || (high == 0 && low == 0))
            return NULL;
          g_string_append_c (id, (char)(high * 16 + low));
          i += 2;
        }
      else if (is_kept_byte (name[i]))
        g_string_append_c (id, name[i]);
      else
        return NULL;
    }

  /* Only the one name each id gets: "a%2Db.json" is not "a-b"'s. */
  check = _syllabus_store_topic_file_name (id->str);
  if (strcmp (check, name) != 0)
    return NULL;

  return g_string_free (g_steal_pointer (&id), FALSE);
}

/* Snapshots of whole tables --------------------------------------------- */

static GPtrArray *
ensure_group (GHashTable *groups,
              const char *topic_id)
{
  GPtrArray *group = g_hash_table_lookup (groups, topic_id);

  if (group == NULL)
    {
      group = g_ptr_array_new_with_free_func (_syllabus_store_snapshot_unref);
      g_hash_table_insert (groups, g_strdup (topic_id), group);
    }

  return group;
}

/**
 * _syllabus_store_group_snapshots:
 * @entry_snapshots: (nullable): where to keep entry → Snapshot, as the
 *   store keeps those of its last save
 * @seen_snapshots: (nullable): the same for topic id → seen Snapshot
 *
 * Snapshots every entry that holds progress and every seen list of
 * @topics and @seen, in any thread that owns them.
 *
 * Returns: (transfer full): topic id → GPtrArray of its Snapshots
 */
GHashTable *
_syllabus_store_group_snapshots (GHashTable *topics,
                                 GHashTable *seen,
                                 GHashTable *entry_snapshots,
                                 GHashTable *seen_snapshots)
{
  GHashTable *groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify)g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_iter_init (&iter, topics);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GHashTableIter entry_iter;
      gpointer entry_key;
      gpointer entry;

      g_hash_table_iter_init (&entry_iter, value);
      while (g_hash_table_iter_next (&entry_iter, &entry_key, &entry))
        {
          Snapshot *snapshot;

          if (syllabus_entry_is_pristine (entry))
            continue;

          snapshot = _syllabus_store_snapshot_new_for_entry (key, entry_key, entry);
          g_ptr_array_add (ensure_group (groups, key), snapshot);
          if (entry_snapshots != NULL)
            g_hash_table_insert (entry_snapshots, entry, _syllabus_store_snapshot_ref (snapshot));
        }
    }

  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Snapshot *snapshot = _syllabus_store_snapshot_new_for_seen (key, value);

      g_ptr_array_add (ensure_group (groups, key), snapshot);
      if (seen_snapshots != NULL)
        g_hash_table_insert (seen_snapshots, snapshot->topic_id, _syllabus_store_snapshot_ref (snapshot));
    }

  return groups;
}

/* Writing ------------------------------------------------------------------ */

/**
 * _syllabus_store_write_topic_file:
 * @folder: the folder to write in
 * @snapshots: the Snapshots of @topic_id
 * @written: (out) (optional): what the written file is
 * @displaced: (out) (optional) (transfer full): with @written, where the
 *   file it replaced is now, if it kept it (see
 *   syllabus_atomic_file_exchange_path())
 *
 * Writes @topic_id's file atomically and durably.
 */
gboolean
_syllabus_store_write_topic_file (const char  *folder,
                                  const char  *topic_id,
                                  GPtrArray   *snapshots,
                                  GStatBuf    *written,
                                  char       **displaced,
                                  GError     **error)
{
  g_autofree char *name = _syllabus_store_topic_file_name (topic_id);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  contents = _syllabus_store_serialize_topic (topic_id, snapshots, &length);

  /* Notes are private: readable by the user only. */
  if (written != NULL)
    return syllabus_atomic_file_exchange_path (path, contents, length, 0600, written, displaced, error);

  return syllabus_atomic_file_write_path (path, contents, length, 0600, error);
}

/**
 * _syllabus_store_remove_stale_in_folder:
 *
 * Removes the temporary files that saves interrupted by a crash or a kill
 * left in @folder, for every topic file, even one never completed. Only
 * for the holder of the lock.
 */
void
_syllabus_store_remove_stale_in_folder (const char *folder)
{
  g_autoptr(GDir) listing = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (listing == NULL)
    return;

  /* Not while listing: removing would change the listing. */
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      const char *infix = g_strrstr (name, ".syllabus-tmp-");
      g_autofree char *target = NULL;

      if (name[0] != '.' || infix == NULL || infix == name + 1)
        continue;

      target = g_strndup (name + 1, infix - name - 1);
      if (syllabus_atomic_file_is_temporary (name, target))
        g_ptr_array_add (targets, g_build_filename (folder, target, NULL));
    }

  for (guint i = 0; i < targets->len; i++)
    syllabus_atomic_file_remove_stale (g_ptr_array_index (targets, i));
}

/* Reading ------------------------------------------------------------------ */

/**
 * _syllabus_store_read_path:
 * @topic_file: whether @path is a version 2 topic file, else a version 1
 *   progress.json
 * @topic_id: (out) (optional): for a topic file, the id it names
 * @computer: (out) (optional): for a topic file, the computer that wrote
 *   it, or %NULL if it does not say
 * @missing: (out): whether there is no file at @path
 *
 * Reads and parses @path. Returns FALSE with @error set when the file
 * exists but cannot be used; a missing file is empty progress.
 */
gboolean
_syllabus_store_read_path (const char  *path,
                           gboolean     topic_file,
                           GHashTable  *topics,
                           GHashTable  *seen,
                           char       **topic_id,
                           char       **computer,
                           gint64      *version,
                           gboolean    *missing,
                           GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *id = NULL;
  gsize length;
  GStatBuf buf;

  *missing = FALSE;
  *version = topic_file ? SYLLABUS_STORE_VERSION : SYLLABUS_STORE_BACKUP_VERSION;

  if (g_stat (path, &buf) != 0)
    {
      int saved_errno = errno;

      /* No file, or no folder for it (a file stands where a folder of
       * the path should be): nothing there could be lost by saving, and
       * saving reports why it cannot create the folder. */
      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        {
          *missing = TRUE;
          return TRUE;
        }

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return FALSE;
    }

  if (S_ISDIR (buf.st_mode))
    return _syllabus_store_damaged (error, _("A folder stands where the file should be"));

  /* Reading a pipe or a device could block or never end. */
  if (!S_ISREG (buf.st_mode))
    return _syllabus_store_damaged (error, _("Something other than a file stands where the file should be"));

  if (buf.st_size > SYLLABUS_STORE_MAX_SIZE)
    return _syllabus_store_damaged (error, _("The file is far too large to be a progress file"));

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  if (!topic_file)
    return _syllabus_store_parse_legacy (contents, length, topics, seen, version, error);

  if (!_syllabus_store_parse_topic_file (contents, length, topics, seen, &id, computer, version, error))
    return FALSE;

  if (topic_id != NULL)
    *topic_id = g_steal_pointer (&id);

  return TRUE;
}

/**
 * _syllabus_store_move_aside:
 *
 * Moves a damaged file (or whatever stands in its place) out of the way
 * under a name that says when, so that nothing is lost and the user can
 * look at it.
 *
 * Returns: (transfer full): where it went, or %NULL with @error set
 */
char *
_syllabus_store_move_aside (const char  *path,
                            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *target = NULL;

      if (i == 0)
        target = g_strdup_printf ("%s.damaged-%s", path, stamp);
      else
        target = g_strdup_printf ("%s.damaged-%s-%u", path, stamp, i);

      if (g_file_test (target, G_FILE_TEST_EXISTS))
        continue;

      if (g_rename (path, target) == 0)
        return g_steal_pointer (&target);
      else
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "%s", g_strerror (saved_errno));
          return NULL;
        }
    }

  g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       _("Too many damaged files already kept"));
  return NULL;
}

void
_syllabus_store_topic_damage_free (gpointer data)
{
  TopicDamage *damage = data;

  g_free (damage->topic_id);
  g_free (damage->name);
  g_free (damage->path);
  g_clear_error (&damage->error);
  g_free (damage->kept_file);
  g_clear_error (&damage->move_error);
  g_free (damage);
}

void
_syllabus_store_folder_read_init (FolderRead *read)
{
  read->topics = _syllabus_store_new_topics_table ();
  read->seen = _syllabus_store_new_seen_table ();
  read->stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  read->good = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  read->frozen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  read->frozen_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  read->damages = g_ptr_array_new_with_free_func (_syllabus_store_topic_damage_free);
}

void
_syllabus_store_folder_read_clear (FolderRead *read)
{
  g_clear_pointer (&read->topics, g_hash_table_unref);
  g_clear_pointer (&read->seen, g_hash_table_unref);
  g_clear_pointer (&read->stamps, g_hash_table_unref);
  g_clear_pointer (&read->good, g_hash_table_unref);
  g_clear_pointer (&read->frozen, g_hash_table_unref);
  g_clear_pointer (&read->frozen_names, g_hash_table_unref);
  g_clear_pointer (&read->damages, g_ptr_array_unref);
  g_clear_error (&read->unreadable);
  g_clear_pointer (&read->read_first, g_free);
}

/* Moves every key and value of @from into @to, replacing what @to held
 * under the same key. */
void
_syllabus_store_steal_all (GHashTable *from,
                           GHashTable *to)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_replace (to, key, value);
    }
}

/* Reads the backup NAME.bak of the damaged topic file @path, named
 * @name, into @read, if it holds the topic that file is named for: the one
 * @topic_id, or, for a long id's cut name (@topic_id %NULL), any id whose
 * file is @name. Returns the topic's id, or %NULL. */
static char *
restore_backup (const char *path,
                const char *name,
                const char *topic_id,
                FolderRead *read)
{
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autoptr(GHashTable) topics = _syllabus_store_new_topics_table ();
  g_autoptr(GHashTable) seen = _syllabus_store_new_seen_table ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id_name = NULL;
  gint64 version;
  gboolean missing;

  if (!g_file_test (backup, G_FILE_TEST_IS_REGULAR))
    return NULL;

  if (!_syllabus_store_read_path (backup, TRUE, topics, seen, &id, NULL, &version, &missing, &error) ||
      missing || version > SYLLABUS_STORE_VERSION || id == NULL ||
      (topic_id != NULL && strcmp (id, topic_id) != 0) ||
      strcmp ((id_name = _syllabus_store_topic_file_name (id)), name) != 0)
    {
      g_debug ("Cannot restore %s: %s", backup, error != NULL ? error->message : "not this topic's");
      return NULL;
    }

  _syllabus_store_steal_all (topics, read->topics);
  _syllabus_store_steal_all (seen, read->seen);
  return g_steal_pointer (&id);
}

/* What stands where the folder should be is not a folder. */
static void
folder_damaged (const char *folder,
                gboolean    may_move,
                const char *damage_log_path,
                FolderRead *read)
{
  TopicDamage *damage = g_new0 (TopicDamage, 1);

  damage->path = g_strdup (folder);
  _syllabus_store_damaged (&damage->error, _("Something other than a folder stands where the progress folder should be"));
  if (may_move && (damage->kept_file = _syllabus_store_move_aside (folder, &damage->move_error)) != NULL)
    syllabus_damage_log_add (damage_log_path, damage->kept_file, NULL);
  g_ptr_array_add (read->damages, damage);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/**
 * _syllabus_store_read_folder:
 * @may_move: whether damaged files may be moved aside (the lock's holder)
 * @read: (out caller-allocates): initialised with
 *   _syllabus_store_folder_read_init()
 *
 * Reads every topic file of @folder. One that cannot be read is reported
 * in @read->damages and, if @may_move, moved aside, recorded in the damage
 * log and replaced by what its backup holds: the other topics load as
 * they are. One of a newer version is read as far as it is understood and
 * its topic listed in @read->frozen. Files that are no topic file of ours
 * (hidden, backups, kept damaged files, copies) are left alone.
 */
void
_syllabus_store_read_folder (const char *folder,
                             gboolean    may_move,
                             const char *damage_log_path,
                             FolderRead *read)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = NULL;
  const char *name;
  GStatBuf buf;

  /* A folder that cannot be listed is not empty: saving into it could
   * replace files that were never read. */
  if (g_stat (folder, &buf) != 0)
    {
      int saved_errno = errno;

      /* No folder, or a file where a folder of its path should be:
       * nothing there to lose, and saving says why it cannot write. */
      if (saved_errno != ENOENT && saved_errno != ENOTDIR)
        g_set_error (&read->unreadable, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                     "%s", g_strerror (saved_errno));
      else
        read->missing = TRUE;
      return;
    }
  if (!S_ISDIR (buf.st_mode))
    {
      folder_damaged (folder, may_move, damage_log_path, read);
      return;
    }

  if ((listing = g_dir_open (folder, 0, &read->unreadable)) == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    if (name[0] != '.' && g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  /* In order, so that damages are told in the same order every time. */
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GHashTable) topics = _syllabus_store_new_topics_table ();
      g_autoptr(GHashTable) seen = _syllabus_store_new_seen_table ();
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;
      g_autofree char *name_id = NULL;
      g_autofree char *file_id = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *restored_id = NULL;
      FileStamp *stamp = g_new0 (FileStamp, 1);
      TopicDamage *damage;
      gint64 version;
      gboolean missing;

      name = g_ptr_array_index (names, i);

      /* Read already, and in the store: known as it was then, so that a
       * change since is merged before a save. */
      if (g_strcmp0 (name, read->read_first) == 0)
        {
          *stamp = read->read_first_stamp;
          g_hash_table_insert (read->stamps, g_strdup (name), stamp);
          g_hash_table_add (read->good, g_strdup (name));
          continue;
        }

      name_id = _syllabus_store_topic_id_from_file_name (name);
      /* A name no id gets, other than a long id's, is not ours. */
      if (name_id == NULL && strchr (name, '~') == NULL)
        {
          g_debug ("Leaving %s alone: not a topic file's name", name);
          g_free (stamp);
          continue;
        }

      path = g_build_filename (folder, name, NULL);
      _syllabus_store_stamp_take (stamp, path);
      if (_syllabus_store_read_path (path, TRUE, topics, seen, &file_id, NULL, &version, &missing, &error))
        {
          if (missing)
            {
              g_free (stamp);
              continue;
            }
          if (file_id == NULL)
            file_id = g_strdup (name_id != NULL ? name_id : name);
          expected = _syllabus_store_topic_file_name (file_id);
          if (strcmp (expected, name) != 0)
            {
              g_debug ("Leaving %s alone: it holds the topic of %s", name, expected);
              g_free (stamp);
              continue;
            }

          _syllabus_store_steal_all (topics, read->topics);
          _syllabus_store_steal_all (seen, read->seen);
          g_hash_table_insert (read->stamps, g_strdup (name), stamp);
          if (version > SYLLABUS_STORE_VERSION)
            {
              g_hash_table_add (read->frozen, g_strdup (file_id));
              g_hash_table_add (read->frozen_names, g_strdup (name));
            }
          else
            g_hash_table_add (read->good, g_strdup (name));
          continue;
        }

      g_free (stamp);
      g_debug ("Cannot read %s: %s", path, error->message);
      damage = g_new0 (TopicDamage, 1);
      /* A long id's cut name does not tell the id: its backup may. */
      damage->topic_id = g_strdup (name_id);
      damage->name = g_strdup (name);
      damage->path = g_strdup (path);
      damage->error = g_steal_pointer (&error);
      g_ptr_array_add (read->damages, damage);

      /* Only the writer may move the file: a store that only reads
       * leaves it where it is and reports why it could not be read. */
      if (!may_move)
        continue;

      if ((damage->kept_file = _syllabus_store_move_aside (path, &damage->move_error)) != NULL)
        {
          g_autoptr(GError) log_error = NULL;

          if (!syllabus_damage_log_add (damage_log_path, damage->kept_file, &log_error))
            g_debug ("Cannot record %s in %s: %s", damage->kept_file, damage_log_path,
                     log_error->message);
          restored_id = restore_backup (path, name, name_id, read);
          if (restored_id != NULL)
            {
              damage->restored = TRUE;
              g_free (damage->topic_id);
              damage->topic_id = g_steal_pointer (&restored_id);
            }
        }
      else
        {
          /* Neither readable nor movable: saving would overwrite it, even
           * the topic of a cut name no id is known for. */
          g_hash_table_add (read->frozen_names, g_strdup (name));
          if (damage->topic_id != NULL)
            g_hash_table_add (read->frozen, g_strdup (damage->topic_id));
        }
    }
}
