/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The final item types. Each is a handful of fields with getters, so they share one
 * file rather than seven. */

#include "silk-model-private.h"

/* SilkSource */

struct _SilkSource
{
  SilkItem parent_instance;

  SilkText *publisher;
  char *date;
  char *url;
  SilkText *citation;
  char *kind_name;
};

G_DEFINE_FINAL_TYPE (SilkSource, silk_source, SILK_TYPE_ITEM)

static void
silk_source_finalize (GObject *object)
{
  SilkSource *self = SILK_SOURCE (object);

  g_clear_pointer (&self->publisher, silk_text_unref);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->citation, silk_text_unref);
  g_clear_pointer (&self->kind_name, g_free);

  G_OBJECT_CLASS (silk_source_parent_class)->finalize (object);
}

static void
silk_source_class_init (SilkSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = silk_source_finalize;
  SILK_ITEM_CLASS (klass)->kind = SILK_ITEM_SOURCE;
}

static void
silk_source_init (SilkSource *self)
{
}

SilkSource *
silk_source_new (const char *id)
{
  SilkSource *self = g_object_new (SILK_TYPE_SOURCE, NULL);

  silk_item_set_id (SILK_ITEM (self), id);
  return self;
}

const char *
silk_source_get_publisher (SilkSource *self)
{
  g_return_val_if_fail (SILK_IS_SOURCE (self), NULL);

  return self->publisher != NULL ? silk_text_get (self->publisher) : NULL;
}

const char *
silk_source_get_date (SilkSource *self)
{
  g_return_val_if_fail (SILK_IS_SOURCE (self), NULL);

  return self->date;
}

const char *
silk_source_get_url (SilkSource *self)
{
  g_return_val_if_fail (SILK_IS_SOURCE (self), NULL);

  return self->url;
}

const char *
silk_source_get_citation (SilkSource *self)
{
  g_return_val_if_fail (SILK_IS_SOURCE (self), NULL);

  return self->citation != NULL ? silk_text_get (self->citation) : NULL;
}

const char *
silk_source_get_kind_name (SilkSource *self)
{
  g_return_val_if_fail (SILK_IS_SOURCE (self), NULL);

  return self->kind_name;
}

static void
replace_text (SilkText **field,
              SilkText  *text)
{
  if (text != NULL)
    silk_text_ref (text);
  g_clear_pointer (field, silk_text_unref);
  *field = text;
}

static void
replace_string (char       **field,
                const char  *string)
{
  char *copy = g_strdup (string);

  g_free (*field);
  *field = copy;
}

void
silk_source_set_publisher (SilkSource *self,
                           SilkText   *publisher)
{
  g_return_if_fail (SILK_IS_SOURCE (self));

  replace_text (&self->publisher, publisher);
}

void
silk_source_set_date (SilkSource *self,
                      const char *date)
{
  g_return_if_fail (SILK_IS_SOURCE (self));

  replace_string (&self->date, date);
}

void
silk_source_set_url (SilkSource *self,
                     const char *url)
{
  g_return_if_fail (SILK_IS_SOURCE (self));

  replace_string (&self->url, url);
}

void
silk_source_set_citation (SilkSource *self,
                          SilkText   *citation)
{
  g_return_if_fail (SILK_IS_SOURCE (self));

  replace_text (&self->citation, citation);
}

void
silk_source_set_kind_name (SilkSource *self,
                           const char *kind_name)
{
  g_return_if_fail (SILK_IS_SOURCE (self));

  replace_string (&self->kind_name, kind_name);
}

/* SilkCountry */

struct _SilkCountry
{
  SilkItem parent_instance;

  gboolean member;
  SilkPlace *capital;
  /* Index is the detail level; NULL where the atlas lacks that level for this
   * country. Level 0 is never NULL. */
  GPtrArray *geometries;
  /* Where the finest level is when the loader deferred it; geometries[0] then
   * holds the level standing in for it. */
  SilkDetail *detail;
};

G_DEFINE_FINAL_TYPE (SilkCountry, silk_country, SILK_TYPE_ITEM)

static void
geometry_unref_nullable (gpointer data)
{
  if (data != NULL)
    silk_geometry_unref (data);
}

static void
silk_country_finalize (GObject *object)
{
  SilkCountry *self = SILK_COUNTRY (object);

  g_clear_object (&self->capital);
  g_clear_pointer (&self->geometries, g_ptr_array_unref);
  g_clear_pointer (&self->detail, silk_detail_unref);

  G_OBJECT_CLASS (silk_country_parent_class)->finalize (object);
}

static void
silk_country_class_init (SilkCountryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = silk_country_finalize;
  SILK_ITEM_CLASS (klass)->kind = SILK_ITEM_COUNTRY;
}

static void
silk_country_init (SilkCountry *self)
{
  SilkGeometryBuilder *builder = silk_geometry_builder_new (SILK_GEOMETRY_POLYGONS);

  /* An empty shape until the loader sets the real one, so that
   * silk_country_get_geometry() can promise never to return NULL. */
  self->geometries = g_ptr_array_new_with_free_func (geometry_unref_nullable);
  g_ptr_array_add (self->geometries, silk_geometry_builder_finish (builder));
  silk_geometry_builder_free (builder);
}

SilkCountry *
silk_country_new (const char *id)
{
  SilkCountry *self = g_object_new (SILK_TYPE_COUNTRY, NULL);

  silk_item_set_id (SILK_ITEM (self), id);
  return self;
}

gboolean
silk_country_is_member (SilkCountry *self)
{
  g_return_val_if_fail (SILK_IS_COUNTRY (self), FALSE);

  return self->member;
}

SilkPlace *
silk_country_get_capital (SilkCountry *self)
{
  g_return_val_if_fail (SILK_IS_COUNTRY (self), NULL);

  return self->capital;
}

SilkGeometry *
silk_country_get_geometry (SilkCountry *self,
                           guint        level)
{
  g_return_val_if_fail (SILK_IS_COUNTRY (self), NULL);

  if (level == 0 && self->detail != NULL)
    {
      SilkGeometry *finest = silk_detail_get_country_geometry (self->detail,
                                                               silk_item_get_id (SILK_ITEM (self)));

      if (finest != NULL)
        return finest;
    }

  level = MIN (level, self->geometries->len - 1);
  while (level > 0 && g_ptr_array_index (self->geometries, level) == NULL)
    level--;

  return g_ptr_array_index (self->geometries, level);
}

void
silk_country_set_detail (SilkCountry *self,
                         SilkDetail  *detail)
{
  g_return_if_fail (SILK_IS_COUNTRY (self));

  g_clear_pointer (&self->detail, silk_detail_unref);
  self->detail = detail != NULL ? silk_detail_ref (detail) : NULL;
}

void
silk_country_set_member (SilkCountry *self,
                         gboolean     member)
{
  g_return_if_fail (SILK_IS_COUNTRY (self));

  self->member = !!member;
}

void
silk_country_set_capital (SilkCountry *self,
                          SilkPlace   *capital)
{
  g_return_if_fail (SILK_IS_COUNTRY (self));

  g_set_object (&self->capital, capital);
}

void
silk_country_set_geometry (SilkCountry  *self,
                           guint         level,
                           SilkGeometry *geometry)
{
  g_return_if_fail (SILK_IS_COUNTRY (self));
  g_return_if_fail (geometry != NULL);

  if (level >= self->geometries->len)
    g_ptr_array_set_size (self->geometries, level + 1);

  if (self->geometries->pdata[level] != NULL)
    silk_geometry_unref (self->geometries->pdata[level]);
  self->geometries->pdata[level] = silk_geometry_ref (geometry);
}

/* SilkPlace */

struct _SilkPlace
{
  SilkItem parent_instance;

  SilkPlaceKind place_kind;
  char *country_id;
  double longitude;
  double latitude;
  gboolean approximate;
};

G_DEFINE_FINAL_TYPE (SilkPlace, silk_place, SILK_TYPE_ITEM)

static void
silk_place_finalize (GObject *object)
{
  SilkPlace *self = SILK_PLACE (object);

  g_clear_pointer (&self->country_id, g_free);

  G_OBJECT_CLASS (silk_place_parent_class)->finalize (object);
}

static void
silk_place_class_init (SilkPlaceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = silk_place_finalize;
  SILK_ITEM_CLASS (klass)->kind = SILK_ITEM_PLACE;
}

static void
silk_place_init (SilkPlace *self)
{
  self->place_kind = SILK_PLACE_CITY;
}

SilkPlace *
silk_place_new (const char *id)
{
  SilkPlace *self = g_object_new (SILK_TYPE_PLACE, NULL);

  silk_item_set_id (SILK_ITEM (self), id);
  return self;
}

SilkPlaceKind
silk_place_get_place_kind (SilkPlace *self)
{
  g_return_val_if_fail (SILK_IS_PLACE (self), SILK_PLACE_CITY);

  return self->place_kind;
}

const char *
silk_place_get_country_id (SilkPlace *self)
{
  g_return_val_if_fail (SILK_IS_PLACE (self), NULL);

  return self->country_id;
}

double
silk_place_get_longitude (SilkPlace *self)
{
  g_return_val_if_fail (SILK_IS_PLACE (self), 0.0);

  return self->longitude;
}

double
silk_place_get_latitude (SilkPlace *self)
{
  g_return_val_if_fail (SILK_IS_PLACE (self), 0.0);

  return self->latitude;
}

gboolean
silk_place_is_approximate (SilkPlace *self)
{
  g_return_val_if_fail (SILK_IS_PLACE (self), FALSE);

  return self->approximate;
}

void
silk_place_set_place_kind (SilkPlace     *self,
                           SilkPlaceKind  kind)
{
  g_return_if_fail (SILK_IS_PLACE (self));

  self->place_kind = kind;
}

void
silk_place_set_country_id (SilkPlace  *self,
                           const char *country_id)
{
  g_return_if_fail (SILK_IS_PLACE (self));

  replace_string (&self->country_id, country_id);
}

void
silk_place_set_location (SilkPlace *self,
                         double     longitude,
                         double     latitude)
{
  g_return_if_fail (SILK_IS_PLACE (self));

  self->longitude = longitude;
  self->latitude = latitude;
}

void
silk_place_set_approximate (SilkPlace *self,
                            gboolean   approximate)
{
  g_return_if_fail (SILK_IS_PLACE (self));

  self->approximate = !!approximate;
}

/* SilkProject */

struct _SilkProject
{
  SilkItem parent_instance;

  SilkMode mode;
  SilkStatus status;
  GPtrArray *countries;
  SilkProject *parent;
  GPtrArray *connects;
  SilkGeometry *route;
  gboolean approximate;
  SilkText *alignment_note;
};

G_DEFINE_FINAL_TYPE (SilkProject, silk_project, SILK_TYPE_ITEM)

static void
silk_project_finalize (GObject *object)
{
  SilkProject *self = SILK_PROJECT (object);

  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_clear_object (&self->parent);
  g_clear_pointer (&self->connects, g_ptr_array_unref);
  g_clear_pointer (&self->route, silk_geometry_unref);
  g_clear_pointer (&self->alignment_note, silk_text_unref);

  G_OBJECT_CLASS (silk_project_parent_class)->finalize (object);
}

static void
silk_project_class_init (SilkProjectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = silk_project_finalize;
  SILK_ITEM_CLASS (klass)->kind = SILK_ITEM_PROJECT;
}

static void
silk_project_init (SilkProject *self)
{
  self->countries = g_ptr_array_new_with_free_func (g_object_unref);
  self->connects = g_ptr_array_new_with_free_func (g_object_unref);
}

SilkProject *
silk_project_new (const char *id)
{
  SilkProject *self = g_object_new (SILK_TYPE_PROJECT, NULL);

  silk_item_set_id (SILK_ITEM (self), id);
  return self;
}

SilkMode
silk_project_get_mode (SilkProject *self)
{
  g_return_val_if_fail (SILK_IS_PROJECT (self), SILK_MODE_RAILWAY);

  return self->mode;
}

SilkStatus
silk_project_get_status (SilkProject *self)
{
  g_return_val_if_fail (SILK_IS_PROJECT (self), SILK_STATUS_PLANNED);

  return self->status;
}

GPtrArray *
silk_project_get_countries (SilkProject *self)
{
  g_return_val_if_fail (SILK_IS_PROJECT (self), NULL);

  return self->countries;
}

SilkProject *
silk_project_get_parent (SilkProject *self)
{
  g_return_val_if_fail (SILK_IS_PROJECT (self), NULL);

  return self->parent;
}

GPtrArray *
silk_project_get_connects (SilkProject *self)
{
  g_return_val_if_fail (SILK_IS_PROJECT (self), NULL);

  return self->connects;
}

SilkGeometry *
silk_project_get_route (SilkProject *self)
{
  g_return_val_if_fail (SILK_IS_PROJECT (self), NULL);

  return self->route;
}

gboolean
silk_project_is_approximate (SilkProject *self)
{
  g_return_val_if_fail (SILK_IS_PROJECT (self), FALSE);

  return self->approximate;
}

const char *
silk_project_get_alignment_note (SilkProject *self)
{
  g_return_val_if_fail (SILK_IS_PROJECT (self), NULL);

  return self->alignment_note != NULL ? silk_text_get (self->alignment_note) : NULL;
}

const char *
silk_mode_to_string (SilkMode mode)
{
  switch (mode)
    {
    case SILK_MODE_RAILWAY:
      return "railway";
    case SILK_MODE_HIGHWAY:
      return "highway";
    case SILK_MODE_TUNNEL:
      return "tunnel";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
silk_status_to_string (SilkStatus status)
{
  switch (status)
    {
    case SILK_STATUS_PLANNED:
      return "planned";
    case SILK_STATUS_UNDER_CONSTRUCTION:
      return "under-construction";
    case SILK_STATUS_PILOT_OPERATION:
      return "pilot-operation";
    case SILK_STATUS_IN_OPERATION:
      return "in-operation";
    default:
      g_return_val_if_reached (NULL);
    }
}

void
silk_project_set_mode (SilkProject *self,
                       SilkMode     mode)
{
  g_return_if_fail (SILK_IS_PROJECT (self));

  self->mode = mode;
}

void
silk_project_set_status (SilkProject *self,
                         SilkStatus   status)
{
  g_return_if_fail (SILK_IS_PROJECT (self));

  self->status = status;
}

void
silk_project_add_country (SilkProject *self,
                          SilkCountry *country)
{
  g_return_if_fail (SILK_IS_PROJECT (self));
  g_return_if_fail (SILK_IS_COUNTRY (country));

  g_ptr_array_add (self->countries, g_object_ref (country));
}

void
silk_project_set_parent (SilkProject *self,
                         SilkProject *parent)
{
  g_return_if_fail (SILK_IS_PROJECT (self));
  g_return_if_fail (parent != self);

  g_set_object (&self->parent, parent);
}

void
silk_project_add_connect (SilkProject *self,
                          SilkPlace   *place)
{
  g_return_if_fail (SILK_IS_PROJECT (self));
  g_return_if_fail (SILK_IS_PLACE (place));

  g_ptr_array_add (self->connects, g_object_ref (place));
}

void
silk_project_set_route (SilkProject  *self,
                        SilkGeometry *route,
                        gboolean      approximate)
{
  g_return_if_fail (SILK_IS_PROJECT (self));

  if (route != NULL)
    silk_geometry_ref (route);
  g_clear_pointer (&self->route, silk_geometry_unref);
  self->route = route;
  self->approximate = !!approximate;
}

void
silk_project_set_alignment_note (SilkProject *self,
                                 SilkText    *note)
{
  g_return_if_fail (SILK_IS_PROJECT (self));

  replace_text (&self->alignment_note, note);
}

/* SilkFigure */

struct _SilkFigure
{
  SilkItem parent_instance;

  char *topic;
  SilkValue value;
  char *unit;
  gboolean change;
  SilkPeriod period;
  SilkQualifier qualifier;
  char *estimated_by;
  SilkText *derivation;
};

G_DEFINE_FINAL_TYPE (SilkFigure, silk_figure, SILK_TYPE_ITEM)

static void
silk_figure_finalize (GObject *object)
{
  SilkFigure *self = SILK_FIGURE (object);

  g_clear_pointer (&self->topic, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->estimated_by, g_free);
  g_clear_pointer (&self->derivation, silk_text_unref);

  G_OBJECT_CLASS (silk_figure_parent_class)->finalize (object);
}

static void
silk_figure_class_init (SilkFigureClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = silk_figure_finalize;
  SILK_ITEM_CLASS (klass)->kind = SILK_ITEM_FIGURE;
}

static void
silk_figure_init (SilkFigure *self)
{
}

SilkFigure *
silk_figure_new (const char *id)
{
  SilkFigure *self = g_object_new (SILK_TYPE_FIGURE, NULL);

  silk_item_set_id (SILK_ITEM (self), id);
  return self;
}

const char *
silk_figure_get_topic (SilkFigure *self)
{
  g_return_val_if_fail (SILK_IS_FIGURE (self), NULL);

  return self->topic;
}

const SilkValue *
silk_figure_get_value (SilkFigure *self)
{
  g_return_val_if_fail (SILK_IS_FIGURE (self), NULL);

  return &self->value;
}

const char *
silk_figure_get_unit (SilkFigure *self)
{
  g_return_val_if_fail (SILK_IS_FIGURE (self), NULL);

  return self->unit;
}

gboolean
silk_figure_is_change (SilkFigure *self)
{
  g_return_val_if_fail (SILK_IS_FIGURE (self), FALSE);

  return self->change;
}

const SilkPeriod *
silk_figure_get_period (SilkFigure *self)
{
  g_return_val_if_fail (SILK_IS_FIGURE (self), NULL);

  return &self->period;
}

SilkQualifier
silk_figure_get_qualifier (SilkFigure *self)
{
  g_return_val_if_fail (SILK_IS_FIGURE (self), SILK_QUALIFIER_REPORTED);

  return self->qualifier;
}

const char *
silk_figure_get_estimated_by (SilkFigure *self)
{
  g_return_val_if_fail (SILK_IS_FIGURE (self), NULL);

  return self->estimated_by;
}

const char *
silk_figure_get_derivation (SilkFigure *self)
{
  g_return_val_if_fail (SILK_IS_FIGURE (self), NULL);

  return self->derivation != NULL ? silk_text_get (self->derivation) : NULL;
}

void
silk_figure_set_topic (SilkFigure *self,
                       const char *topic)
{
  g_return_if_fail (SILK_IS_FIGURE (self));

  replace_string (&self->topic, topic);
}

void
silk_figure_set_value (SilkFigure      *self,
                       const SilkValue *value)
{
  g_return_if_fail (SILK_IS_FIGURE (self));
  g_return_if_fail (value != NULL);

  self->value = *value;
}

void
silk_figure_set_unit (SilkFigure *self,
                      const char *unit)
{
  g_return_if_fail (SILK_IS_FIGURE (self));

  replace_string (&self->unit, unit);
}

void
silk_figure_set_change (SilkFigure *self,
                        gboolean    change)
{
  g_return_if_fail (SILK_IS_FIGURE (self));

  self->change = !!change;
}

void
silk_figure_set_period (SilkFigure       *self,
                        const SilkPeriod *period)
{
  g_return_if_fail (SILK_IS_FIGURE (self));
  g_return_if_fail (period != NULL);

  self->period = *period;
}

void
silk_figure_set_qualifier (SilkFigure    *self,
                           SilkQualifier  qualifier)
{
  g_return_if_fail (SILK_IS_FIGURE (self));

  self->qualifier = qualifier;
}

void
silk_figure_set_estimated_by (SilkFigure *self,
                              const char *estimated_by)
{
  g_return_if_fail (SILK_IS_FIGURE (self));

  replace_string (&self->estimated_by, estimated_by);
}

void
silk_figure_set_derivation (SilkFigure *self,
                            SilkText   *derivation)
{
  g_return_if_fail (SILK_IS_FIGURE (self));

  replace_text (&self->derivation, derivation);
}

/* SilkEvent */

struct _SilkEvent
{
  SilkItem parent_instance;

  SilkPeriod date;
  SilkQualifier qualifier;
  SilkText *derivation;
};

G_DEFINE_FINAL_TYPE (SilkEvent, silk_event, SILK_TYPE_ITEM)

static void
silk_event_finalize (GObject *object)
{
  SilkEvent *self = SILK_EVENT (object);

  g_clear_pointer (&self->derivation, silk_text_unref);

  G_OBJECT_CLASS (silk_event_parent_class)->finalize (object);
}

static void
silk_event_class_init (SilkEventClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = silk_event_finalize;
  SILK_ITEM_CLASS (klass)->kind = SILK_ITEM_EVENT;
}

static void
silk_event_init (SilkEvent *self)
{
}

SilkEvent *
silk_event_new (const char *id)
{
  SilkEvent *self = g_object_new (SILK_TYPE_EVENT, NULL);

  silk_item_set_id (SILK_ITEM (self), id);
  return self;
}

const SilkPeriod *
silk_event_get_date (SilkEvent *self)
{
  g_return_val_if_fail (SILK_IS_EVENT (self), NULL);

  return &self->date;
}

SilkQualifier
silk_event_get_qualifier (SilkEvent *self)
{
  g_return_val_if_fail (SILK_IS_EVENT (self), SILK_QUALIFIER_REPORTED);

  return self->qualifier;
}

const char *
silk_event_get_derivation (SilkEvent *self)
{
  g_return_val_if_fail (SILK_IS_EVENT (self), NULL);

  return self->derivation != NULL ? silk_text_get (self->derivation) : NULL;
}

void
silk_event_set_date (SilkEvent        *self,
                     const SilkPeriod *date)
{
  g_return_if_fail (SILK_IS_EVENT (self));
  g_return_if_fail (date != NULL);

  self->date = *date;
}

void
silk_event_set_qualifier (SilkEvent     *self,
                          SilkQualifier  qualifier)
{
  g_return_if_fail (SILK_IS_EVENT (self));

  self->qualifier = qualifier;
}

void
silk_event_set_derivation (SilkEvent *self,
                           SilkText  *derivation)
{
  g_return_if_fail (SILK_IS_EVENT (self));

  replace_text (&self->derivation, derivation);
}

/* SilkNote */

struct _SilkNote
{
  SilkItem parent_instance;

  char *topic;
};

G_DEFINE_FINAL_TYPE (SilkNote, silk_note, SILK_TYPE_ITEM)

static void
silk_note_finalize (GObject *object)
{
  SilkNote *self = SILK_NOTE (object);

  g_clear_pointer (&self->topic, g_free);

  G_OBJECT_CLASS (silk_note_parent_class)->finalize (object);
}

static void
silk_note_class_init (SilkNoteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = silk_note_finalize;
  SILK_ITEM_CLASS (klass)->kind = SILK_ITEM_NOTE;
}

static void
silk_note_init (SilkNote *self)
{
}

SilkNote *
silk_note_new (const char *id)
{
  SilkNote *self = g_object_new (SILK_TYPE_NOTE, NULL);

  silk_item_set_id (SILK_ITEM (self), id);
  return self;
}

const char *
silk_note_get_topic (SilkNote *self)
{
  g_return_val_if_fail (SILK_IS_NOTE (self), NULL);

  return self->topic;
}

void
silk_note_set_topic (SilkNote   *self,
                     const char *topic)
{
  g_return_if_fail (SILK_IS_NOTE (self));

  replace_string (&self->topic, topic);
}
