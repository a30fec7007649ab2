#pragma once

// Sub-commands of greenrenew-cli. Each returns the process exit status:
// 0 success, 1 bad input, 2 bad usage, 3 internal error.

#include <QStringList>

namespace greenrenew::cli {

enum ExitStatus { kExitOk = 0, kExitBadInput = 1, kExitBadUsage = 2, kExitInternal = 3 };

int runAnalyze(const QStringList& arguments);
int runClassify(const QStringList& arguments);
int runAhp(const QStringList& arguments);
int runScenario(const QStringList& arguments);
int runPostgis(const QStringList& arguments);

} // namespace greenrenew::cli
