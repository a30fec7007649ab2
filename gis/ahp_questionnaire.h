#pragma once

// Expert questionnaires for the analytic hierarchy (docs/priorities.md, "Questionnaire
// layout"): one CSV file per expert with one pairwise-comparison block for the categories and
// one per category with more than one index. Shared by `greenrenew-cli ahp` and the desktop's
// Priorities dock, so both read the same files the same way.

#include "core/ahp.h"
#include "core/result.h"

#include <QString>
#include <QStringList>

namespace greenrenew::gis {

/// Reads one questionnaire. Empty cells below (or above) the diagonal are taken as the
/// reciprocal of their mirror. The error names the file, the line and, for a bad judgement,
/// the column ("read FILE: line 4, column 3: 'five' is not a judgement").
core::Result<core::AhpQuestionnaire> readAhpQuestionnaire(const QString& path);

/// Writes a blank questionnaire (ones on the diagonal, judgements to fill) with the scale
/// explained in comment lines; atomically, through QSaveFile.
core::Result<bool> writeAhpTemplate(const QString& path);

/// The weights of an AHP as a method override document (the resources' JSON layout):
/// priority.weight.category.* and priority.weight.index.* (local weights), each naming the
/// questionnaire files as its source and the aggregate's consistency ratios as its note.
QByteArray ahpWeightsOverrideJson(const core::HierarchyWeights& weights, const QStringList& files);

} // namespace greenrenew::gis
