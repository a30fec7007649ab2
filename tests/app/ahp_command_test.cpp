// End to end: greenrenew-cli ahp on two hand-written questionnaires. The aggregate weights were
// computed independently with numpy.linalg.eig on the element-wise geometric mean
// (/usr/bin/python3): categories 0.562900, 0.246895, 0.114341, 0.075864, CR 0.0353.

#include <gtest/gtest.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace {

constexpr double kWeightTolerance = 1e-5;

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun runCli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(GREENRENEW_CLI), QStringList{QStringLiteral("ahp")} + arguments);
    process.waitForFinished(60000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void writeFile(const QString& path, const QByteArray& text)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(text);
}

// Index blocks with every judgement equal except transport (given per expert).
QByteArray questionnaire(const QByteArray& expert, const QByteArray& categoryRows,
                         const QByteArray& transportJudgement)
{
    return "expert," + expert + "\nblock,categories\n,construction,transport,greening,waste\n" +
           categoryRows +
           "\nblock,construction\n,compact_density,walk_life_circle,heat_island,"
           "renewable_energy,energy_saving_buildings\n"
           "compact_density,1,1,1,1,1\nwalk_life_circle,,1,1,1,1\nheat_island,,,1,1,1\n"
           "renewable_energy,,,,1,1\nenergy_saving_buildings,,,,,1\n"
           "block,transport\n,bicycle_use,clean_vehicles\nbicycle_use,1," + transportJudgement +
           "\nclean_vehicles,,1\n"
           "block,greening\n,roof_wall_greening,carbon_planting,park_system,water_friendly_space\n"
           "roof_wall_greening,1,1,1,1\ncarbon_planting,,1,1,1\npark_system,,,1,1\n"
           "water_friendly_space,,,,1\n"
           "block,waste\n,rain_grey_water,domestic_garbage\nrain_grey_water,1,1\n"
           "domestic_garbage,,1\n";
}

TEST(AhpCommandTest, AggregatesTwoExpertsAndFlagsTheInconsistentOne)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    // Expert one: Saaty's (1977) chair matrix, CR 0.145 > 0.1. Expert two: consistent 4:2:1:1.
    writeFile(dir.filePath(QStringLiteral("one.csv")),
              questionnaire("One", "construction,1,5,6,7\ntransport,,1,4,6\ngreening,,,1,4\n"
                                   "waste,,,,1\n", "1"));
    writeFile(dir.filePath(QStringLiteral("two.csv")),
              questionnaire("Two", "construction,1,2,4,4\ntransport,,1,2,2\ngreening,,,1,1\n"
                                   "waste,,,,1\n", "1/3"));
    const QString out = dir.filePath(QStringLiteral("weights.json"));
    const CliRun run = runCli({dir.filePath(QStringLiteral("one.csv")),
                            dir.filePath(QStringLiteral("two.csv")), QStringLiteral("--out"), out});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_EQ(run.out.count(QStringLiteral("FLAG")), 1) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("categories: CR 0.145")));
    EXPECT_TRUE(run.out.contains(QStringLiteral("categories: CR 0.035")));

    QFile file(out);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonObject parameters =
        QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("parameters"))
            .toObject();
    auto value = [&](const char* key) {
        return parameters.value(QLatin1String(key)).toObject().value(QStringLiteral("value"))
            .toDouble();
    };
    EXPECT_NEAR(value("priority.weight.category.construction"), 0.562900, kWeightTolerance);
    EXPECT_NEAR(value("priority.weight.category.waste"), 0.075864, kWeightTolerance);
    // Transport: sqrt(1 x 1/3) = 0.57735 for bicycle against clean vehicles: weights
    // 0.57735 / 1.57735 = 0.366025 and 0.633975.
    EXPECT_NEAR(value("priority.weight.index.bicycle_use"), 0.366025, kWeightTolerance);
}

TEST(AhpCommandTest, WritesATemplateItCanReadBack)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("template.csv"));
    ASSERT_EQ(runCli({QStringLiteral("--template"), path}).exitCode, 0);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    EXPECT_EQ(text.count("block,"), 5);
    // Blank above the diagonal: reading it back fails on the first missing judgement.
    const CliRun run = runCli({path});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(QStringLiteral("no judgement for construction against "
                                                "transport")))
        << run.err.toStdString();
}

TEST(AhpCommandTest, RejectsAJudgementThatIsNotANumber)
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("bad.csv")),
              questionnaire("Bad", "construction,1,five,6,7\ntransport,,1,4,6\ngreening,,,1,4\n"
                                   "waste,,,,1\n", "1"));
    const CliRun run = runCli({dir.filePath(QStringLiteral("bad.csv"))});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(QStringLiteral("line 4, column 3")))
        << run.err.toStdString();
}

} // namespace
