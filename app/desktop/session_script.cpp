#include "session_script.h"

#include "core/parcel_edit.h"
#include "ui/edit_commands.h"
#include "ui/edit_tools.h"
#include "ui/main_window.h"

#include <boost/geometry/io/wkt/write.hpp>

#include <QSaveFile>
#include <QUndoStack>

#include <sstream>

namespace greenrenew::desktop {

namespace {

// Small enough to keep a ring simple on any real parcel, large enough to show in a dump.
constexpr double kMoveM = 0.75;

core::Result<core::Parcel> scriptedEdit(const core::Parcel& parcel, int step)
{
    const core::Ring& ring = parcel.geometry.front().outer();
    switch (step % 3) {
    case 0: {
        const core::Point& first = ring.front();
        return core::moveVertex(parcel, {0, -1, 0},
                                {first.x() + kMoveM, first.y() + kMoveM / 2});
    }
    case 1: {
        const core::Point mid{(ring[0].x() + ring[1].x()) / 2, (ring[0].y() + ring[1].y()) / 2};
        return core::insertVertex(parcel, {0, -1, 1}, mid);
    }
    default: {
        core::Parcel renamed = parcel;
        renamed.name = "renamed by script " + std::to_string(step);
        renamed.attributes["notes"] = "scripted edit " + std::to_string(step);
        return renamed;
    }
    }
}

} // namespace

int applyScriptedEdits(ui::MainWindow& window, int count)
{
    ui::EditSession* session = window.editor()->session();
    if (!session->project())
        return 0;
    int applied = 0;
    for (int step = 0; step < count; ++step) {
        const auto& parcels = session->project()->parcels;
        if (static_cast<std::size_t>(step) >= parcels.size())
            break;
        const core::Parcel parcel = parcels[static_cast<std::size_t>(step)];
        if (parcel.geometry.empty())
            continue;
        core::Result<core::Parcel> edited = scriptedEdit(parcel, step);
        if (!edited.ok())
            continue;
        if (session->submit({"scripted edit " + std::to_string(step), {parcel},
                             {edited.value()}, {}}))
            ++applied;
    }
    QUndoStack* stack = session->undoStack();
    stack->undo();
    stack->redo();
    stack->undo();
    return applied;
}

bool dumpParcels(const core::Project& project, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    for (const core::Parcel& parcel : project.parcels) {
        std::ostringstream line;
        line.precision(17);
        line << parcel.id << '\t' << boost::geometry::wkt(parcel.geometry) << '\t'
             << core::renewalTypeName(parcel.type) << '\t' << parcel.name << '\t';
        for (core::FeatureId source : parcel.sourceIds)
            line << source << ',';
        line << '\t';
        for (const auto& [key, value] : parcel.attributes)
            line << key << '=' << value << ';';
        line << '\n';
        file.write(QByteArray::fromStdString(line.str()));
    }
    return file.commit();
}

} // namespace greenrenew::desktop
