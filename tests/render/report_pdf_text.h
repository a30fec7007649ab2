#pragma once

// Text of a report PDF as another program reads it, for tests that check what is printed.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace greenrenew::render::test {

/// Text of every page of a PDF through poppler's pdftotext (an independent reader).
inline QStringList pdfPages(const QString& path)
{
    QProcess process;
    process.start(
        QStringLiteral("pdftotext"), { QStringLiteral("-layout"), path, QStringLiteral("-") });
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    QStringList pages = QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\f'));
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty())
        pages.removeLast();
    return pages;
}

/// TEXT without spaces and line breaks: pdftotext wraps lines where the page did and drops
/// spaces between Han characters and digits.
inline QString squeezed(QString text)
{
    text.remove(QLatin1Char(' '));
    text.remove(QLatin1Char('\n'));
    return text;
}

} // namespace greenrenew::render::test
