#include "gis/annotation_store.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace greenrenew::gis {
namespace {

core::Annotation annotation(
    std::int64_t id, core::AnnotationKind kind, double x, double y, const std::string& text)
{
    core::Annotation a;
    a.id = id;
    a.kind = kind;
    a.position = core::Point(x, y);
    a.target = core::Point(x + 25.5, y - 10);
    a.text = text;
    return a;
}

TEST(AnnotationStoreTest, RoundTripsEveryKindAndReplacesTheTable)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("project.gpkg"));
    const std::vector<core::Annotation> written
        = { annotation(3, core::AnnotationKind::Callout, 352100.25, 3456001.5, "口袋公园"),
              annotation(1, core::AnnotationKind::Text, 352000, 3456000, "外滩 <Bund>"),
              annotation(2, core::AnnotationKind::Arrow, 352050, 3456050, ""),
              annotation(4, core::AnnotationKind::Intervention, 352075, 3456075, "rooftop_pv") };
    ASSERT_TRUE(writeAnnotations(path, written, ""));

    const auto read = readAnnotations(path);
    ASSERT_TRUE(read.ok()) << read.error().describe();
    ASSERT_EQ(read.value().size(), 4u);
    // Read back in id order.
    const core::Annotation& first = read.value()[0];
    EXPECT_EQ(first.id, 1);
    EXPECT_EQ(first.kind, core::AnnotationKind::Text);
    EXPECT_EQ(first.text, "外滩 <Bund>");
    EXPECT_DOUBLE_EQ(first.position.x(), 352000);
    const core::Annotation& callout = read.value()[2];
    EXPECT_EQ(callout.kind, core::AnnotationKind::Callout);
    EXPECT_EQ(callout.text, "口袋公园");
    EXPECT_DOUBLE_EQ(callout.position.x(), 352100.25);
    EXPECT_DOUBLE_EQ(callout.position.y(), 3456001.5);
    EXPECT_DOUBLE_EQ(callout.target.x(), 352125.75);
    EXPECT_DOUBLE_EQ(callout.target.y(), 3455991.5);
    EXPECT_EQ(read.value()[3].kind, core::AnnotationKind::Intervention);
    EXPECT_EQ(read.value()[1].kind, core::AnnotationKind::Arrow);

    // Writing again replaces the table rather than appending.
    ASSERT_TRUE(writeAnnotations(path, { written[1] }, ""));
    const auto again = readAnnotations(path);
    ASSERT_TRUE(again.ok());
    ASSERT_EQ(again.value().size(), 1u);
    EXPECT_EQ(again.value()[0].text, "外滩 <Bund>");
}

TEST(AnnotationStoreTest, MissingFileIsAnErrorAndMissingTableIsEmpty)
{
    EXPECT_FALSE(readAnnotations(QStringLiteral("/nonexistent/p.gpkg")).ok());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.gpkg"));
    ASSERT_TRUE(writeAnnotations(path, {}, ""));
    const auto read = readAnnotations(path);
    ASSERT_TRUE(read.ok());
    EXPECT_TRUE(read.value().empty());
}

} // namespace
} // namespace greenrenew::gis
