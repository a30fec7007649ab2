#include "gis/field_detection.h"

#include <QRegularExpression>

namespace greenrenew::gis {

namespace {

struct RoleNames {
    const char* role;
    QStringList synonyms;
};

const std::vector<RoleNames>& roleNames()
{
    static const std::vector<RoleNames> names = {
        {"parcels", {QStringLiteral("parcels"), QStringLiteral("parcel"),
                     QStringLiteral("地块"), QStringLiteral("plots"),
                     QStringLiteral("blocks"), QStringLiteral("tessellation")}},
        {"buildings", {QStringLiteral("buildings"), QStringLiteral("building"),
                       QStringLiteral("建筑")}},
        {"green", {QStringLiteral("green"), QStringLiteral("绿地"), QStringLiteral("parks")}},
        {"streets", {QStringLiteral("streets"), QStringLiteral("roads"),
                     QStringLiteral("道路"), QStringLiteral("街道")}},
        {"facilities", {QStringLiteral("facilities"), QStringLiteral("pois"),
                        QStringLiteral("设施"), QStringLiteral("poi")}},
    };
    return names;
}

struct RenewalName {
    const char* text;
    core::RenewalType type;
};

const RenewalName kRenewalNames[] = {
    {"老旧小区", core::RenewalType::Residential},
    {"旧居住区", core::RenewalType::Residential},
    {"老旧居住区", core::RenewalType::Residential},
    {"旧商业区", core::RenewalType::Commercial},
    {"旧厂区", core::RenewalType::Factory},
    {"历史街区", core::RenewalType::HistoricBlock},
    {"老街区", core::RenewalType::HistoricBlock},
};

QStringList list(std::initializer_list<const char*> names)
{
    QStringList result;
    for (const char* name : names)
        result << QString::fromUtf8(name);
    return result;
}

} // namespace

int roleMatch(const QString& role, const QString& layerName)
{
    const QString name = layerName.toLower();
    for (const RoleNames& entry : roleNames()) {
        if (role != QLatin1String(entry.role))
            continue;
        if (entry.synonyms.contains(name))
            return 2;
        for (const QString& synonym : entry.synonyms) {
            if (name.contains(synonym))
                return 1;
        }
    }
    return 0;
}

const QStringList& FieldCandidates::floors()
{
    static const QStringList names = list({"floors", "levels", "building:levels", "层数"});
    return names;
}
const QStringList& FieldCandidates::height()
{
    static const QStringList names = list({"height_m", "height", "高度"});
    return names;
}
const QStringList& FieldCandidates::buildingUse()
{
    static const QStringList names = list({"use", "building", "用地性质", "kind"});
    return names;
}
const QStringList& FieldCandidates::name()
{
    static const QStringList names = list({"name", "名称"});
    return names;
}
const QStringList& FieldCandidates::renewalType()
{
    static const QStringList names = list({"renewal_type", "更新类型", "type"});
    return names;
}
const QStringList& FieldCandidates::parcelId()
{
    static const QStringList names = list({"parcel_id", "id", "fid"});
    return names;
}
const QStringList& FieldCandidates::parcelCode()
{
    // DKBH: the pinyin initials of 地块编号 that regulatory-plan tables use as the column name.
    static const QStringList names = list({"parcel_code", "dkbh", "地块编号", "地块代码"});
    return names;
}
const QStringList& FieldCandidates::highway()
{
    static const QStringList names = list({"highway", "kind"});
    return names;
}
const QStringList& FieldCandidates::walkable()
{
    static const QStringList names = list({"walkable"});
    return names;
}
const QStringList& FieldCandidates::foot()
{
    static const QStringList names = list({"foot"});
    return names;
}
const QStringList& FieldCandidates::facilityCategory()
{
    static const QStringList names = list({"category", "类别", "type"});
    return names;
}
const QStringList& FieldCandidates::facilityTag()
{
    static const QStringList names = list({"kind", "tag", "amenity", "shop"});
    return names;
}
const QStringList& FieldCandidates::greenKind()
{
    static const QStringList names = list({"kind", "leisure", "landuse", "natural", "type"});
    return names;
}

int findField(const QStringList& fields, const QStringList& candidates)
{
    for (const QString& candidate : candidates) {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (fields.at(i).compare(candidate, Qt::CaseInsensitive) == 0)
                return static_cast<int>(i);
        }
    }
    return -1;
}

std::optional<core::RenewalType> parseRenewalType(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (auto type = core::renewalTypeFromName(trimmed.toLower().toStdString()))
        return type;
    for (const RenewalName& entry : kRenewalNames) {
        if (trimmed == QString::fromUtf8(entry.text))
            return entry.type;
    }
    return std::nullopt;
}

bool walkableByOsm(const QString& highway, const QString& foot)
{
    const QString footValue = foot.trimmed().toLower();
    if (footValue == QLatin1String("no"))
        return false;
    if (footValue == QLatin1String("yes") || footValue == QLatin1String("designated"))
        return true;
    static const QStringList motorRoads = {QStringLiteral("motorway"), QStringLiteral("trunk"),
                                           QStringLiteral("motorway_link"),
                                           QStringLiteral("trunk_link")};
    return !motorRoads.contains(highway.trimmed().toLower());
}

std::optional<double> parseLeadingNumber(const QString& text)
{
    static const QRegularExpression number(
        QStringLiteral("^\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)"));
    const QRegularExpressionMatch match = number.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const double value = match.captured(1).toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

const std::vector<ModelField>& modelFieldsOf(const QString& role)
{
    using F = FieldCandidates;
    static const std::vector<ModelField> parcels = {
        {"parcel_id", &F::parcelId},
        {"parcel_code", &F::parcelCode},
        {"name", &F::name},
        {"renewal_type", &F::renewalType}};
    static const std::vector<ModelField> buildings = {{"floors", &F::floors},
                                                      {"height", &F::height},
                                                      {"building_use", &F::buildingUse},
                                                      {"name", &F::name}};
    static const std::vector<ModelField> green = {{"green_kind", &F::greenKind},
                                                  {"name", &F::name}};
    static const std::vector<ModelField> streets = {{"highway", &F::highway},
                                                    {"walkable", &F::walkable},
                                                    {"foot", &F::foot},
                                                    {"name", &F::name}};
    static const std::vector<ModelField> facilities = {{"facility_category", &F::facilityCategory},
                                                       {"facility_tag", &F::facilityTag},
                                                       {"name", &F::name}};
    static const std::vector<ModelField> none;
    if (role == QLatin1String("parcels"))
        return parcels;
    if (role == QLatin1String("buildings"))
        return buildings;
    if (role == QLatin1String("green"))
        return green;
    if (role == QLatin1String("streets"))
        return streets;
    if (role == QLatin1String("facilities"))
        return facilities;
    return none;
}

QString modelFieldKey(const QStringList& candidates)
{
    for (const char* role : kRoles)
        for (const ModelField& field : modelFieldsOf(QLatin1String(role)))
            if (&field.candidates() == &candidates)
                return QLatin1String(field.key);
    return {};
}

} // namespace greenrenew::gis
