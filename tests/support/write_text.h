#pragma once

// Writes a small input file a test builds by hand (GeoJSON, CSV, a mapping file).

#include <gtest/gtest.h>

#include <QByteArray>
#include <QFile>
#include <QString>

namespace greenrenew::test_support {

inline void writeText(const QString& path, const QByteArray& text)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly)) << path.toStdString();
    ASSERT_EQ(file.write(text), text.size()) << path.toStdString();
}

} // namespace greenrenew::test_support
