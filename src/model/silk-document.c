/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "silk-atlas-data.h"
#include "silk-loader.h"
#include "silk-model-private.h"

struct _SilkDocument
{
  GObject parent_instance;

  GFile *file;
  char *id;
  SilkText *title;
  SilkText *description;
  char *language;

  /* id → SilkItem*, both owned by the lists below. */
  GHashTable *lookup;
  GListStore *items[SILK_N_ITEM_KINDS];
  GPtrArray *neighbours;

  /* SilkItem* → GPtrArray*[SILK_N_ITEM_KINDS]: the items of each kind that concern
   * or cite it, in file order. */
  GHashTable *related;
  GPtrArray *empty;

  guint n_detail_levels;
  /* Per level a GPtrArray of SilkFeature*, or NULL where the atlas lacks it. */
  GPtrArray *borders;
  GPtrArray *lakes;
  GPtrArray *rivers;
  SilkBounds bounds;

  /* The finest level when SILK_LOAD_DEFER_FINEST left it on disk, else NULL. */
  SilkDetail *detail;
  gboolean bounds_final;
};

/* The finest countries and borders of an atlas loaded with SILK_LOAD_DEFER_FINEST,
 * loaded on first use. Shared by the document and its countries, so that a
 * country can answer for its finest outline on any thread. */
struct _SilkDetail
{
  gatomicrefcount ref_count;
  GFile *file;
  gboolean countries;       /* deferred, and so to be read from @file */
  gboolean borders;

  GMutex lock;
  GCond loaded_cond;
  int state;                /* DetailState; read without the lock once DETAIL_LOADED */
  GHashTable *geometries;   /* country id → SilkGeometry*, level 0 */
  GPtrArray *border_level;  /* SilkFeature*, level 0 */
};

typedef enum
{
  DETAIL_PENDING,
  DETAIL_LOADING,
  DETAIL_LOADED,
} DetailState;

G_DEFINE_FINAL_TYPE (SilkDocument, silk_document, G_TYPE_OBJECT)

static void compute_bounds (SilkDocument *self);

G_DEFINE_QUARK (silk-load-error-quark, silk_load_error)

static void
related_free (gpointer data)
{
  GPtrArray **by_kind = data;

  for (guint i = 0; i < SILK_N_ITEM_KINDS; i++)
    g_clear_pointer (&by_kind[i], g_ptr_array_unref);
  g_free (by_kind);
}

static void
borders_level_free (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

SilkDetail *
silk_detail_ref (SilkDetail *detail)
{
  g_atomic_ref_count_inc (&detail->ref_count);
  return detail;
}

void
silk_detail_unref (SilkDetail *detail)
{
  if (!g_atomic_ref_count_dec (&detail->ref_count))
    return;

  g_clear_object (&detail->file);
  g_clear_pointer (&detail->geometries, g_hash_table_unref);
  g_clear_pointer (&detail->border_level, g_ptr_array_unref);
  g_mutex_clear (&detail->lock);
  g_cond_clear (&detail->loaded_cond);
  g_free (detail);
}

/* Reads the whole atlas again, in full, and keeps its finest level. Reading the
 * two finest files alone would take less, but then those files would be checked
 * by other code than every other atlas is. */
static void
detail_read (SilkDetail  *detail,
             GHashTable **geometries,
             GPtrArray  **border_level)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilkDocument) full = silk_loader_load (detail->file, NULL, &error);
  GListModel *members;

  if (full == NULL)
    {
      /* Only the bundled atlas defers its finest level, and the tests check it: a
       * bug, not a user's mistake. The coarser level stays in its place. */
      g_critical ("The finest level of the atlas does not load: %s", error->message);
      return;
    }

  if (detail->countries)
    {
      *geometries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) silk_geometry_unref);
      members = silk_document_get_items (full, SILK_ITEM_COUNTRY);
      for (guint i = 0; i < g_list_model_get_n_items (members) + full->neighbours->len; i++)
        {
          g_autoptr(SilkCountry) country = i < g_list_model_get_n_items (members)
                                           ? g_list_model_get_item (members, i)
                                           : g_object_ref (full->neighbours->pdata[i - g_list_model_get_n_items (members)]);

          g_hash_table_insert (*geometries, g_strdup (silk_item_get_id (SILK_ITEM (country))),
                               silk_geometry_ref (silk_country_get_geometry (country, 0)));
        }
    }

  if (detail->borders && full->borders->len > 0 && full->borders->pdata[0] != NULL)
    *border_level = g_steal_pointer (&full->borders->pdata[0]);
}

static void
detail_ensure (SilkDetail *detail)
{
  if (g_atomic_int_get (&detail->state) == DETAIL_LOADED)
    return;

  g_mutex_lock (&detail->lock);
  while (detail->state == DETAIL_LOADING)
    g_cond_wait (&detail->loaded_cond, &detail->lock);

  if (detail->state == DETAIL_PENDING)
    {
      GHashTable *geometries = NULL;
      GPtrArray *border_level = NULL;

      /* Read without the lock, so that threads that want it only wait, on the
       * condition, rather than stall on the mutex. */
      detail->state = DETAIL_LOADING;
      g_mutex_unlock (&detail->lock);
      detail_read (detail, &geometries, &border_level);
      g_mutex_lock (&detail->lock);

      detail->geometries = geometries;
      detail->border_level = border_level;
      g_atomic_int_set (&detail->state, DETAIL_LOADED);
      g_cond_broadcast (&detail->loaded_cond);
    }
  g_mutex_unlock (&detail->lock);
}

SilkGeometry *
silk_detail_get_country_geometry (SilkDetail *detail,
                                  const char *id)
{
  if (!detail->countries)
    return NULL;

  detail_ensure (detail);
  return detail->geometries != NULL ? g_hash_table_lookup (detail->geometries, id) : NULL;
}

static void
silk_document_finalize (GObject *object)
{
  SilkDocument *self = SILK_DOCUMENT (object);

  /* The tables borrow their keys from the items, so they go first. */
  g_clear_pointer (&self->lookup, g_hash_table_unref);
  g_clear_pointer (&self->related, g_hash_table_unref);

  for (guint i = 0; i < SILK_N_ITEM_KINDS; i++)
    g_clear_object (&self->items[i]);
  g_clear_pointer (&self->neighbours, g_ptr_array_unref);
  g_clear_pointer (&self->empty, g_ptr_array_unref);
  g_clear_pointer (&self->borders, g_ptr_array_unref);
  g_clear_pointer (&self->lakes, g_ptr_array_unref);
  g_clear_pointer (&self->rivers, g_ptr_array_unref);
  g_clear_pointer (&self->detail, silk_detail_unref);

  g_clear_object (&self->file);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, silk_text_unref);
  g_clear_pointer (&self->description, silk_text_unref);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (silk_document_parent_class)->finalize (object);
}

static void
silk_document_class_init (SilkDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = silk_document_finalize;
}

static GType
item_type_for_kind (SilkItemKind kind)
{
  switch (kind)
    {
    case SILK_ITEM_SOURCE:
      return SILK_TYPE_SOURCE;
    case SILK_ITEM_COUNTRY:
      return SILK_TYPE_COUNTRY;
    case SILK_ITEM_PLACE:
      return SILK_TYPE_PLACE;
    case SILK_ITEM_PROJECT:
      return SILK_TYPE_PROJECT;
    case SILK_ITEM_FIGURE:
      return SILK_TYPE_FIGURE;
    case SILK_ITEM_EVENT:
      return SILK_TYPE_EVENT;
    case SILK_ITEM_NOTE:
      return SILK_TYPE_NOTE;
    case SILK_N_ITEM_KINDS:
    default:
      g_return_val_if_reached (SILK_TYPE_ITEM);
    }
}

static void
silk_document_init (SilkDocument *self)
{
  self->lookup = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < SILK_N_ITEM_KINDS; i++)
    self->items[i] = g_list_store_new (item_type_for_kind (i));
  self->neighbours = g_ptr_array_new_with_free_func (g_object_unref);
  self->related = g_hash_table_new_full (NULL, NULL, NULL, related_free);
  self->empty = g_ptr_array_new ();
  self->n_detail_levels = 1;
  self->borders = g_ptr_array_new_with_free_func (borders_level_free);
  self->lakes = g_ptr_array_new_with_free_func ((GDestroyNotify) silk_feature_free);
  self->rivers = g_ptr_array_new_with_free_func ((GDestroyNotify) silk_feature_free);
  silk_bounds_init_empty (&self->bounds);
}

SilkDocument *
silk_document_load (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return silk_loader_load (file, cancellable, error);
}

static gpointer
register_bundled_atlas (gpointer data)
{
  /* The resource is built with --manual-register: this both initialises it and
   * registers it (silk_atlas_data_get_resource() returns NULL before). Registered
   * on first use only, so that programs that never load the bundled atlas do not
   * pay for it. */
  silk_atlas_data_register_resource ();
  return NULL;
}

static SilkDocument *
load_bundled (SilkLoadFlags   flags,
              GError        **error)
{
  static GOnce registered = G_ONCE_INIT;
  g_autoptr(GFile) file = NULL;

  g_once (&registered, register_bundled_atlas, NULL);

  file = g_file_new_for_uri (SILK_BUNDLED_ATLAS_URI);
  return silk_loader_load_full (file, flags | SILK_LOAD_DEFER_FINEST, NULL, error);
}

/* The bundled atlas being read ahead, until silk_document_load_bundled() takes it. */
typedef struct
{
  SilkDocument *document;
  GError *error;
} Preload;

static GMutex preload_lock;
static GThread *preload_thread;

static gpointer
preload_run (gpointer data)
{
  Preload *preload = g_new0 (Preload, 1);

  preload->document = load_bundled (SILK_LOAD_ONE_THREAD, &preload->error);
  return preload;
}

void
silk_document_preload_bundled (void)
{
  g_mutex_lock (&preload_lock);
  if (preload_thread == NULL)
    preload_thread = g_thread_new ("silk-preload", preload_run, NULL);
  g_mutex_unlock (&preload_lock);
}

SilkDocument *
silk_document_load_bundled (GError **error)
{
  GThread *thread;
  Preload *preload;
  SilkDocument *document;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_mutex_lock (&preload_lock);
  thread = g_steal_pointer (&preload_thread);
  g_mutex_unlock (&preload_lock);

  if (thread == NULL)
    return load_bundled (SILK_LOAD_FLAGS_NONE, error);

  preload = g_thread_join (thread);
  document = preload->document;
  if (document == NULL)
    g_propagate_error (error, preload->error);
  g_free (preload);
  return document;
}

gboolean
silk_document_has_finest (SilkDocument *self)
{
  g_return_val_if_fail (SILK_IS_DOCUMENT (self), FALSE);

  return self->detail == NULL || g_atomic_int_get (&self->detail->state) == DETAIL_LOADED;
}

void
silk_document_ensure_finest (SilkDocument *self)
{
  g_return_if_fail (SILK_IS_DOCUMENT (self));

  if (self->detail != NULL)
    detail_ensure (self->detail);
}

GFile *
silk_document_get_file (SilkDocument *self)
{
  g_return_val_if_fail (SILK_IS_DOCUMENT (self), NULL);

  return self->file;
}

const char *
silk_document_get_id (SilkDocument *self)
{
  g_return_val_if_fail (SILK_IS_DOCUMENT (self), NULL);

  return self->id;
}

const char *
silk_document_get_title (SilkDocument *self)
{
  g_return_val_if_fail (SILK_IS_DOCUMENT (self), NULL);

  return self->title != NULL ? silk_text_get (self->title) : NULL;
}

const char *
silk_document_get_description (SilkDocument *self)
{
  g_return_val_if_fail (SILK_IS_DOCUMENT (self), NULL);

  return self->description != NULL ? silk_text_get (self->description) : NULL;
}

const char *
silk_document_get_language (SilkDocument *self)
{
  g_return_val_if_fail (SILK_IS_DOCUMENT (self), NULL);

  return self->language;
}

SilkItem *
silk_document_lookup (SilkDocument *self,
                      const char   *id)
{
  g_return_val_if_fail (SILK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->lookup, id);
}

GListModel *
silk_document_get_items (SilkDocument *self,
                         SilkItemKind  kind)
{
  g_return_val_if_fail (SILK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (kind < SILK_N_ITEM_KINDS, NULL);

  return G_LIST_MODEL (self->items[kind]);
}

GPtrArray *
silk_document_get_neighbours (SilkDocument *self)
{
  g_return_val_if_fail (SILK_IS_DOCUMENT (self), NULL);

  return self->neighbours;
}

GPtrArray *
silk_document_get_related (SilkDocument *self,
                           SilkItem     *item,
                           SilkItemKind  kind)
{
  GPtrArray **by_kind;

  g_return_val_if_fail (SILK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (SILK_IS_ITEM (item), NULL);
  g_return_val_if_fail (kind < SILK_N_ITEM_KINDS, NULL);

  by_kind = g_hash_table_lookup (self->related, item);
  if (by_kind == NULL || by_kind[kind] == NULL)
    return self->empty;

  return by_kind[kind];
}

guint
silk_document_get_n_detail_levels (SilkDocument *self)
{
  g_return_val_if_fail (SILK_IS_DOCUMENT (self), 1);

  return self->n_detail_levels;
}

GPtrArray *
silk_document_get_borders (SilkDocument *self,
                           guint         level)
{
  g_return_val_if_fail (SILK_IS_DOCUMENT (self), NULL);

  if (level == 0 && self->detail != NULL && self->detail->borders)
    {
      detail_ensure (self->detail);
      if (self->detail->border_level != NULL)
        return self->detail->border_level;
    }

  if (self->borders->len == 0)
    return self->empty;

  /* A level the atlas lacks falls back to the nearest finer one. */
  level = MIN (level, self->borders->len - 1);
  while (level > 0 && g_ptr_array_index (self->borders, level) == NULL)
    level--;

  if (g_ptr_array_index (self->borders, level) == NULL)
    return self->empty;

  return g_ptr_array_index (self->borders, level);
}

GPtrArray *
silk_document_get_lakes (SilkDocument *self)
{
  g_return_val_if_fail (SILK_IS_DOCUMENT (self), NULL);

  return self->lakes;
}

GPtrArray *
silk_document_get_rivers (SilkDocument *self)
{
  g_return_val_if_fail (SILK_IS_DOCUMENT (self), NULL);

  return self->rivers;
}

const SilkBounds *
silk_document_get_bounds (SilkDocument *self)
{
  g_return_val_if_fail (SILK_IS_DOCUMENT (self), NULL);

  /* Computed at load from the level standing in for a deferred finest one. */
  if (!self->bounds_final)
    {
      compute_bounds (self);
      self->bounds_final = TRUE;
    }

  return &self->bounds;
}

SilkDocument *
silk_document_new (GFile *file)
{
  SilkDocument *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (SILK_TYPE_DOCUMENT, NULL);
  self->file = g_object_ref (file);
  return self;
}

void
silk_document_set_id (SilkDocument *self,
                      const char   *id)
{
  g_return_if_fail (SILK_IS_DOCUMENT (self));

  g_free (self->id);
  self->id = g_strdup (id);
}

void
silk_document_set_title (SilkDocument *self,
                         SilkText     *title)
{
  g_return_if_fail (SILK_IS_DOCUMENT (self));

  if (title != NULL)
    silk_text_ref (title);
  g_clear_pointer (&self->title, silk_text_unref);
  self->title = title;
}

void
silk_document_set_description (SilkDocument *self,
                               SilkText     *description)
{
  g_return_if_fail (SILK_IS_DOCUMENT (self));

  if (description != NULL)
    silk_text_ref (description);
  g_clear_pointer (&self->description, silk_text_unref);
  self->description = description;
}

void
silk_document_set_language (SilkDocument *self,
                            const char   *language)
{
  g_return_if_fail (SILK_IS_DOCUMENT (self));

  g_free (self->language);
  self->language = g_strdup (language);
}

void
silk_document_add_item (SilkDocument *self,
                        SilkItem     *item)
{
  SilkItemKind kind;

  g_return_if_fail (SILK_IS_DOCUMENT (self));
  g_return_if_fail (SILK_IS_ITEM (item));
  g_return_if_fail (silk_item_get_id (item) != NULL);

  kind = silk_item_get_kind (item);
  g_list_store_append (self->items[kind], item);
  g_hash_table_replace (self->lookup, (gpointer) silk_item_get_id (item), item);
}

void
silk_document_add_neighbour (SilkDocument *self,
                             SilkCountry  *country)
{
  g_return_if_fail (SILK_IS_DOCUMENT (self));
  g_return_if_fail (SILK_IS_COUNTRY (country));

  g_ptr_array_add (self->neighbours, g_object_ref (country));
  g_hash_table_replace (self->lookup, (gpointer) silk_item_get_id (SILK_ITEM (country)), country);
}

void
silk_document_set_n_detail_levels (SilkDocument *self,
                                   guint         n_levels)
{
  g_return_if_fail (SILK_IS_DOCUMENT (self));
  g_return_if_fail (n_levels >= 1);

  self->n_detail_levels = n_levels;
}

void
silk_document_add_border (SilkDocument *self,
                          guint         level,
                          SilkFeature  *feature)
{
  GPtrArray *features;

  g_return_if_fail (SILK_IS_DOCUMENT (self));
  g_return_if_fail (feature != NULL);

  if (level >= self->borders->len)
    g_ptr_array_set_size (self->borders, level + 1);

  features = g_ptr_array_index (self->borders, level);
  if (features == NULL)
    {
      features = g_ptr_array_new_with_free_func ((GDestroyNotify) silk_feature_free);
      self->borders->pdata[level] = features;
    }

  g_ptr_array_add (features, feature);
}

void
silk_document_add_lake (SilkDocument *self,
                        SilkFeature  *feature)
{
  g_return_if_fail (SILK_IS_DOCUMENT (self));
  g_return_if_fail (feature != NULL);

  g_ptr_array_add (self->lakes, feature);
}

void
silk_document_add_river (SilkDocument *self,
                         SilkFeature  *feature)
{
  g_return_if_fail (SILK_IS_DOCUMENT (self));
  g_return_if_fail (feature != NULL);

  g_ptr_array_add (self->rivers, feature);
}

static void
add_related (SilkDocument *self,
             SilkItem     *target,
             SilkItem     *item)
{
  GPtrArray **by_kind = g_hash_table_lookup (self->related, target);
  SilkItemKind kind = silk_item_get_kind (item);

  if (by_kind == NULL)
    {
      by_kind = g_new0 (GPtrArray *, SILK_N_ITEM_KINDS);
      g_hash_table_insert (self->related, target, by_kind);
    }

  if (by_kind[kind] == NULL)
    by_kind[kind] = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (by_kind[kind], g_object_ref (item));
}

static void
compute_bounds (SilkDocument *self)
{
  GListModel *countries = G_LIST_MODEL (self->items[SILK_ITEM_COUNTRY]);

  silk_bounds_init_empty (&self->bounds);
  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(SilkCountry) country = g_list_model_get_item (countries, i);

      silk_bounds_union (&self->bounds, &silk_country_get_geometry (country, 0)->bounds);
    }
  for (guint i = 0; i < self->neighbours->len; i++)
    {
      SilkCountry *country = g_ptr_array_index (self->neighbours, i);

      silk_bounds_union (&self->bounds, &silk_country_get_geometry (country, 0)->bounds);
    }
}

void
silk_document_finish (SilkDocument *self)
{
  g_return_if_fail (SILK_IS_DOCUMENT (self));

  /* Walking the kinds and then each list in order keeps every related list in file
   * order. */
  for (guint kind = 0; kind < SILK_N_ITEM_KINDS; kind++)
    {
      GListModel *items = G_LIST_MODEL (self->items[kind]);
      guint n_items = g_list_model_get_n_items (items);

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(SilkItem) item = g_list_model_get_item (items, i);
          GPtrArray *concerns = silk_item_get_concerns (item);
          GPtrArray *sources = silk_item_get_sources (item);

          for (guint j = 0; j < concerns->len; j++)
            add_related (self, g_ptr_array_index (concerns, j), item);
          for (guint j = 0; j < sources->len; j++)
            add_related (self, g_ptr_array_index (sources, j), item);
        }
    }

  compute_bounds (self);
  self->bounds_final = TRUE;
}

void
silk_document_defer_finest (SilkDocument *self,
                            gboolean      countries,
                            gboolean      borders)
{
  SilkDetail *detail;
  GListModel *members;

  g_return_if_fail (SILK_IS_DOCUMENT (self));
  g_return_if_fail (self->detail == NULL);

  detail = g_new0 (SilkDetail, 1);
  g_atomic_ref_count_init (&detail->ref_count);
  detail->file = g_object_ref (self->file);
  detail->countries = countries;
  detail->borders = borders;
  g_mutex_init (&detail->lock);
  g_cond_init (&detail->loaded_cond);
  detail->state = DETAIL_PENDING;
  self->detail = detail;
  self->bounds_final = FALSE;

  if (!countries)
    return;

  members = G_LIST_MODEL (self->items[SILK_ITEM_COUNTRY]);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SilkCountry) country = g_list_model_get_item (members, i);

      silk_country_set_detail (country, detail);
    }
  for (guint i = 0; i < self->neighbours->len; i++)
    silk_country_set_detail (g_ptr_array_index (self->neighbours, i), detail);
}
