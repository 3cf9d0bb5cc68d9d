#pragma once
// What the columns of a Qualtrics export say about its questions: multiple-answer questions become
// multiple-response sets, "other, please specify" text columns are tied to their choice, loop-and-merge
// iterations are named, and a "choice text" export of the same survey gives the value labels.
#include "core/data/Dataset.h"

#include <string>
#include <string_view>
#include <vector>

namespace sl::core::io {

// One column of an export while it is imported.
struct QualtricsColumn {
    data::Variable variable;
    data::ColumnPtr column;
    std::string importId;     // row 3 of the current layout; empty in legacy exports
    std::string metadataKey;  // "status", "startDate", ... for Qualtrics' own columns; empty for questions and
                              // embedded data
};

// The text without leading and trailing spaces and tabs.
std::string_view trimBlanks(std::string_view text);

// Splits comma-joined multiple answers ("1,3,4", exported without "split multi-value fields into columns")
// into one 0/1 column per choice, placed after the original column, which stays; a warning lists them.
void splitJoinedChoices(std::vector<QualtricsColumn>& columns, std::vector<std::string>& warnings);

// Value labels for the numeric question columns from the "choice text" export of the same survey: each code
// is paired with the text in the same response (matched by ResponseId, else by row) and column (by name). The
// 0/1 columns split off comma-joined answers get the text of their choice in their variable label. A column
// where one code meets several texts gets nothing, and a warning names it.
void labelFromChoiceText(std::vector<QualtricsColumn>& columns, const data::Dataset& choiceText,
                         std::vector<std::string>& warnings);

// Gathers the 0/1 (or 1/empty) columns of each multiple-answer question (or multiple-answer matrix row) into a
// dichotomy set counting 1, ties each "_TEXT" column that follows a choice of its question to that choice (its
// label ends with "(text for Q5_4)" or "(text for Q7 = 4)"), and adds the iteration to the labels of
// loop-and-merge columns ("1_Q5": "... (loop 1)").
void describeQuestions(std::vector<QualtricsColumn>& columns, std::vector<data::MultipleResponseSet>& sets);

}  // namespace sl::core::io
