/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "silk-document.h"

G_BEGIN_DECLS

/* Setters the loader uses while it builds a document. Everything they touch is
 * immutable once silk_document_load() returns, so nothing here notifies. */

void          silk_item_set_id                 (SilkItem      *self,
                                                const char    *id);
void          silk_item_set_name_text          (SilkItem      *self,
                                                SilkText      *text);
void          silk_item_set_description_text   (SilkItem      *self,
                                                SilkText      *text);
void          silk_item_add_source             (SilkItem      *self,
                                                SilkSource    *source);
void          silk_item_add_concern            (SilkItem      *self,
                                                SilkItem      *concern);

SilkSource   *silk_source_new                  (const char    *id);
void          silk_source_set_publisher        (SilkSource    *self,
                                                SilkText      *publisher);
void          silk_source_set_date             (SilkSource    *self,
                                                const char    *date);
void          silk_source_set_url              (SilkSource    *self,
                                                const char    *url);
void          silk_source_set_citation         (SilkSource    *self,
                                                SilkText      *citation);
void          silk_source_set_kind_name        (SilkSource    *self,
                                                const char    *kind_name);

SilkCountry  *silk_country_new                 (const char    *id);
void          silk_country_set_member          (SilkCountry   *self,
                                                gboolean       member);
void          silk_country_set_capital         (SilkCountry   *self,
                                                SilkPlace     *capital);
void          silk_country_set_geometry        (SilkCountry   *self,
                                                guint          level,
                                                SilkGeometry  *geometry);

SilkPlace    *silk_place_new                   (const char    *id);
void          silk_place_set_place_kind        (SilkPlace     *self,
                                                SilkPlaceKind  kind);
void          silk_place_set_country_id        (SilkPlace     *self,
                                                const char    *country_id);
void          silk_place_set_location          (SilkPlace     *self,
                                                double         longitude,
                                                double         latitude);
void          silk_place_set_approximate       (SilkPlace     *self,
                                                gboolean       approximate);

SilkProject  *silk_project_new                 (const char    *id);
void          silk_project_set_mode            (SilkProject   *self,
                                                SilkMode       mode);
void          silk_project_set_status          (SilkProject   *self,
                                                SilkStatus     status);
void          silk_project_add_country         (SilkProject   *self,
                                                SilkCountry   *country);
void          silk_project_set_parent          (SilkProject   *self,
                                                SilkProject   *parent);
void          silk_project_add_connect         (SilkProject   *self,
                                                SilkPlace     *place);
void          silk_project_set_route           (SilkProject   *self,
                                                SilkGeometry  *route,
                                                gboolean       approximate);
void          silk_project_set_alignment_note  (SilkProject   *self,
                                                SilkText      *note);

SilkFigure   *silk_figure_new                  (const char    *id);
void          silk_figure_set_topic            (SilkFigure    *self,
                                                const char    *topic);
void          silk_figure_set_value            (SilkFigure    *self,
                                                const SilkValue *value);
void          silk_figure_set_unit             (SilkFigure    *self,
                                                const char    *unit);
void          silk_figure_set_change           (SilkFigure    *self,
                                                gboolean       change);
void          silk_figure_set_period           (SilkFigure    *self,
                                                const SilkPeriod *period);
void          silk_figure_set_qualifier        (SilkFigure    *self,
                                                SilkQualifier  qualifier);
void          silk_figure_set_estimated_by     (SilkFigure    *self,
                                                const char    *estimated_by);
void          silk_figure_set_derivation       (SilkFigure    *self,
                                                SilkText      *derivation);

SilkEvent    *silk_event_new                   (const char    *id);
void          silk_event_set_date              (SilkEvent     *self,
                                                const SilkPeriod *date);
void          silk_event_set_qualifier         (SilkEvent     *self,
                                                SilkQualifier  qualifier);
void          silk_event_set_derivation        (SilkEvent     *self,
                                                SilkText      *derivation);

SilkNote     *silk_note_new                    (const char    *id);
void          silk_note_set_topic              (SilkNote      *self,
                                                const char    *topic);

SilkFeature  *silk_feature_new                 (const char    *id,
                                                SilkText      *name,
                                                const char    *kind,
                                                SilkGeometry  *geometry);

SilkDocument *silk_document_new                (GFile         *file);
void          silk_document_set_id             (SilkDocument  *self,
                                                const char    *id);
void          silk_document_set_title          (SilkDocument  *self,
                                                SilkText      *title);
void          silk_document_set_description    (SilkDocument  *self,
                                                SilkText      *description);
void          silk_document_set_language       (SilkDocument  *self,
                                                const char    *language);
/* Appends @item to the list of its kind and to the id lookup; for countries, only
 * members go through here. */
void          silk_document_add_item           (SilkDocument  *self,
                                                SilkItem      *item);
void          silk_document_add_neighbour      (SilkDocument  *self,
                                                SilkCountry   *country);
void          silk_document_set_n_detail_levels (SilkDocument *self,
                                                 guint         n_levels);
/* The add_ functions for features take ownership of @feature. */
void          silk_document_add_border         (SilkDocument  *self,
                                                guint          level,
                                                SilkFeature   *feature);
void          silk_document_add_lake           (SilkDocument  *self,
                                                SilkFeature   *feature);
void          silk_document_add_river          (SilkDocument  *self,
                                                SilkFeature   *feature);
/* Builds the indexes (related items, bounds) once every item is in. */
void          silk_document_finish             (SilkDocument  *self);

/* The finest level of an atlas loaded with SILK_LOAD_DEFER_FINEST (silk-loader.h),
 * read on first use; @countries and @borders say which of the two files were
 * deferred. The first simplified level stands in as level 0 until then, for
 * anything that must not wait (the bounds computed at load, say). */
typedef struct _SilkDetail SilkDetail;

void          silk_document_defer_finest       (SilkDocument  *self,
                                                gboolean       countries,
                                                gboolean       borders);
SilkDetail   *silk_detail_ref                  (SilkDetail    *detail);
void          silk_detail_unref                (SilkDetail    *detail);
/* Loads the finest level if need be (on this thread, or waiting for the thread
 * that loads it); NULL if it failed to load. */
SilkGeometry *silk_detail_get_country_geometry (SilkDetail    *detail,
                                                const char    *id);
void          silk_country_set_detail          (SilkCountry   *self,
                                                SilkDetail    *detail);

G_END_DECLS
