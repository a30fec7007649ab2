// The render suite needs a QGuiApplication (fonts, image and PDF painting). The offscreen
// platform is set before it is created, because the build lists the tests without the
// environment ctest gives them (gtest_discover_tests).

#include <QGuiApplication>

#include <gtest/gtest.h>

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    ::testing::InitGoogleTest(&argc, argv);
    QGuiApplication app(argc, argv);
    return RUN_ALL_TESTS();
}
