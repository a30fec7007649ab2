#pragma once

// What the main window knows about the shown project's file: the GreenRenew project file it
// saves to (empty for a data set opened but not yet saved as a project), the data set it came
// from, whether it has unsaved edits, and the Save / Discard / Cancel question asked before
// unsaved edits would be lost.

#include <QObject>
#include <QString>

#include <functional>

class QWidget;

namespace greenrenew::ui {

class ProjectDocument : public QObject {
    Q_OBJECT

public:
    enum class UnsavedChoice { Save, Discard, Cancel };
    /// Asks what to do with the unsaved edits of the project named PROJECTNAME.
    using UnsavedQuestion = std::function<UnsavedChoice(const QString& projectName)>;

    /// Questions are asked in a message box over WINDOW (also the parent).
    explicit ProjectDocument(QWidget* window);

    /// A project was shown: FILEPATH is its project file (empty when it has none yet),
    /// SOURCEPATH the data set it was read from. Not modified.
    void reset(const QString& filePath, const QString& sourcePath);
    QString filePath() const { return m_filePath; }
    QString sourcePath() const { return m_sourcePath; }
    /// The project file's name, or "Untitled" (with the data set's name) before a first save.
    QString displayName() const;

    bool isModified() const { return m_modified; }
    void setModified(bool modified);

    /// Replaces the message box (tests answer through it).
    void setUnsavedQuestion(UnsavedQuestion question) { m_question = std::move(question); }
    UnsavedChoice askAboutUnsavedEdits() const;

signals:
    /// The file, the source or the modified flag changed: the window title follows.
    void changed();

private:
    QWidget* m_window = nullptr;
    QString m_filePath;
    QString m_sourcePath;
    bool m_modified = false;
    UnsavedQuestion m_question;
};

} // namespace greenrenew::ui
