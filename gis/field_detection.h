#pragma once

// Names of layers and fields in the data sets designers are handed (English, Chinese and
// OpenStreetMap conventions) mapped to GreenRenew's layer roles and model fields.

#include "core/model.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace greenrenew::gis {

inline constexpr const char* kRoles[] = {"parcels", "buildings", "green", "streets",
                                         "facilities"};

/// How well a layer name fits ROLE: 2 exact (or a listed synonym), 1 contains a synonym, 0 not.
int roleMatch(const QString& role, const QString& layerName);

/// Field-name candidates, in order of preference, for one model field.
struct FieldCandidates {
    static const QStringList& floors();
    static const QStringList& height();
    static const QStringList& buildingUse();
    static const QStringList& name();
    static const QStringList& renewalType();
    static const QStringList& parcelId();
    static const QStringList& parcelCode();
    static const QStringList& highway();
    static const QStringList& walkable();
    static const QStringList& foot();
    static const QStringList& facilityCategory();
    static const QStringList& facilityTag();
    static const QStringList& greenKind();
};

/// The first of CANDIDATES present among FIELDS (case-insensitive), or -1.
int findField(const QStringList& fields, const QStringList& candidates);

/// A model field a layer of some role can supply: the key a mapping names it by ("floors") and
/// the names detection looks for.
struct ModelField {
    const char* key;
    const QStringList& (*candidates)();
};

/// The model fields a layer of ROLE supplies (parcels: parcel_id, name, renewal_type; ...).
const std::vector<ModelField>& modelFieldsOf(const QString& role);

/// The key of the model field whose list CANDIDATES is (one of FieldCandidates' lists, compared
/// by identity), so a reader asking for FieldCandidates::floors() can honour a mapping of
/// "floors"; empty for any other list.
QString modelFieldKey(const QStringList& candidates);

/// A renewal type written as an English id or one of its Chinese names; nullopt otherwise.
std::optional<core::RenewalType> parseRenewalType(const QString& text);

/// Walkability from OSM tags: motorways, trunks and their links are not walkable unless
/// foot=yes/designated; foot=no makes any way unwalkable.
bool walkableByOsm(const QString& highway, const QString& foot);

/// A number at the start of TEXT ("6", "12.5", "18 m"); nullopt when there is none.
std::optional<double> parseLeadingNumber(const QString& text);

} // namespace greenrenew::gis
