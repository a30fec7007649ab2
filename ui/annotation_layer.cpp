#include "ui/annotation_layer.h"

#include "gis/annotation_store.h"

#include <QCoreApplication>

#include <algorithm>

namespace greenrenew::ui {

namespace {

bool isGeoPackage(const QString& path)
{
    return path.endsWith(QStringLiteral(".gpkg"), Qt::CaseInsensitive);
}

} // namespace

void AnnotationLayer::setAnnotations(std::vector<core::Annotation> annotations)
{
    m_annotations = std::move(annotations);
    m_selected = 0;
    emit changed();
    emit selectionChanged(0);
}

const core::Annotation* AnnotationLayer::find(std::int64_t id) const
{
    const auto found = std::find_if(m_annotations.begin(), m_annotations.end(),
                                    [id](const core::Annotation& a) { return a.id == id; });
    return found == m_annotations.end() ? nullptr : &*found;
}

std::int64_t AnnotationLayer::nextId() const
{
    std::int64_t largest = 0;
    for (const core::Annotation& annotation : m_annotations)
        largest = std::max(largest, annotation.id);
    return largest + 1;
}

void AnnotationLayer::insert(const core::Annotation& annotation, int position)
{
    const int size = static_cast<int>(m_annotations.size());
    const int at = position < 0 || position > size ? size : position;
    m_annotations.insert(m_annotations.begin() + at, annotation);
    emit changed();
}

int AnnotationLayer::remove(std::int64_t id)
{
    const auto found = std::find_if(m_annotations.begin(), m_annotations.end(),
                                    [id](const core::Annotation& a) { return a.id == id; });
    if (found == m_annotations.end())
        return -1;
    const int position = static_cast<int>(found - m_annotations.begin());
    m_annotations.erase(found);
    if (m_selected == id)
        setSelected(0);
    emit changed();
    return position;
}

bool AnnotationLayer::replace(const core::Annotation& annotation)
{
    const auto found =
        std::find_if(m_annotations.begin(), m_annotations.end(),
                     [&](const core::Annotation& a) { return a.id == annotation.id; });
    if (found == m_annotations.end())
        return false;
    *found = annotation;
    emit changed();
    return true;
}

void AnnotationLayer::setSelected(std::int64_t id)
{
    if (id == m_selected)
        return;
    m_selected = id;
    emit selectionChanged(id);
}

core::Result<bool> AnnotationLayer::load(const QString& path)
{
    if (!isGeoPackage(path)) {
        setAnnotations({});
        return true;
    }
    core::Result<std::vector<core::Annotation>> read = gis::readAnnotations(path);
    if (!read) {
        setAnnotations({});
        return read.error();
    }
    setAnnotations(std::move(read.value()));
    return true;
}

core::Result<bool> AnnotationLayer::save(const QString& path, const std::string& crsWkt) const
{
    return gis::writeAnnotations(path, m_annotations, crsWkt);
}

AddAnnotationCommand::AddAnnotationCommand(AnnotationLayer& layer, core::Annotation annotation)
    : m_layer(layer), m_annotation(std::move(annotation))
{
    setText(QCoreApplication::translate("AnnotationLayer", "add %1")
                .arg(annotationKindLabel(m_annotation.kind)));
}

void AddAnnotationCommand::redo()
{
    m_layer.insert(m_annotation);
}

void AddAnnotationCommand::undo()
{
    m_layer.remove(m_annotation.id);
}

RemoveAnnotationCommand::RemoveAnnotationCommand(AnnotationLayer& layer,
                                                 core::Annotation annotation)
    : m_layer(layer), m_annotation(std::move(annotation))
{
    setText(QCoreApplication::translate("AnnotationLayer", "delete %1")
                .arg(annotationKindLabel(m_annotation.kind)));
}

void RemoveAnnotationCommand::redo()
{
    m_position = m_layer.remove(m_annotation.id);
}

void RemoveAnnotationCommand::undo()
{
    m_layer.insert(m_annotation, m_position);
}

ChangeAnnotationCommand::ChangeAnnotationCommand(AnnotationLayer& layer,
                                                 core::Annotation before,
                                                 core::Annotation after, const QString& text)
    : m_layer(layer), m_before(std::move(before)), m_after(std::move(after))
{
    setText(text);
}

void ChangeAnnotationCommand::redo()
{
    m_layer.replace(m_after);
}

void ChangeAnnotationCommand::undo()
{
    m_layer.replace(m_before);
}

QString annotationKindLabel(core::AnnotationKind kind)
{
    switch (kind) {
    case core::AnnotationKind::Text:
        return QCoreApplication::translate("AnnotationLayer", "text");
    case core::AnnotationKind::Arrow:
        return QCoreApplication::translate("AnnotationLayer", "arrow");
    case core::AnnotationKind::Callout:
        return QCoreApplication::translate("AnnotationLayer", "callout");
    case core::AnnotationKind::Intervention:
        return QCoreApplication::translate("AnnotationLayer", "intervention symbol");
    }
    return {};
}

} // namespace greenrenew::ui
