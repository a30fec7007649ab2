// File > Open from PostGIS…: the dialog, filled in as a user would, connects to the test
// server by service name, lists the schema holding the sample project and opens it as the
// "PG:" input the batch command takes (no password in it).

#include "../gis/postgis_test_support.h"
#include "gis/postgis_project.h"
#include "ui/postgis_dialog.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

namespace greenrenew::gis {
namespace {

using pgtest::kSamplePath;
using pgtest::PostgisTest;

TEST_F(PostgisTest, DialogListsTheProjectSchemaAndOpensItsInput)
{
    ASSERT_TRUE(exportGeoPackageToPostgis(QString::fromUtf8(kSamplePath), connection(),
                                          m_schema).ok());
    ui::PostgisDialog dialog;
    auto* service = dialog.findChild<QLineEdit*>(QStringLiteral("service"));
    auto* schema = dialog.findChild<QComboBox*>(QStringLiteral("schema"));
    auto* open = dialog.findChild<QPushButton*>(QStringLiteral("openButton"));
    ASSERT_TRUE(service && schema && open);
    EXPECT_FALSE(open->isEnabled());  // nothing chosen yet

    QTest::keyClicks(service, m_location.service);
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("connectButton")),
                      Qt::LeftButton);
    EXPECT_TRUE(dialog.statusText().startsWith(QStringLiteral("Connected")))
        << dialog.statusText().toStdString();
    const int index = schema->findText(m_schema);
    ASSERT_GE(index, 0) << "the exported schema is not listed";
    schema->setCurrentIndex(index);
    EXPECT_TRUE(open->isEnabled());
    EXPECT_EQ(dialog.datasetInput(),
              QStringLiteral("PG:service='%1' schemas=%2").arg(m_location.service, m_schema));
}

TEST_F(PostgisTest, DialogSaysWhyItCannotConnect)
{
    ui::PostgisDialog dialog;
    QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("service")),
                     QStringLiteral("no_such_service"));
    EXPECT_FALSE(dialog.connectAndList());
    EXPECT_TRUE(dialog.statusText().contains(QStringLiteral("no_such_service")))
        << dialog.statusText().toStdString();
}

} // namespace
} // namespace greenrenew::gis
