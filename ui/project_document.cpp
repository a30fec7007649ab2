#include "ui/project_document.h"

#include <QFileInfo>
#include <QMessageBox>
#include <QWidget>

namespace greenrenew::ui {

ProjectDocument::ProjectDocument(QWidget* window) : QObject(window), m_window(window) {}

void ProjectDocument::reset(const QString& filePath, const QString& sourcePath)
{
    m_filePath = filePath;
    m_sourcePath = sourcePath;
    m_modified = false;
    emit changed();
}

QString ProjectDocument::displayName() const
{
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    if (!m_sourcePath.isEmpty())
        return tr("Untitled (from %1)").arg(QFileInfo(m_sourcePath).fileName());
    return tr("Untitled");
}

void ProjectDocument::setModified(bool modified)
{
    if (modified == m_modified)
        return;
    m_modified = modified;
    emit changed();
}

ProjectDocument::UnsavedChoice ProjectDocument::askAboutUnsavedEdits() const
{
    if (m_question)
        return m_question(displayName());
    const auto answer = QMessageBox::question(
        m_window, tr("Unsaved edits"),
        tr("The project \"%1\" has edits that are not saved. Save them before going on?")
            .arg(displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return UnsavedChoice::Save;
    return answer == QMessageBox::Discard ? UnsavedChoice::Discard : UnsavedChoice::Cancel;
}

} // namespace greenrenew::ui
