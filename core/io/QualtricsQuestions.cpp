#include "core/io/QualtricsQuestions.h"

#include "core/io/ColumnInference.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace sl::core::io {

namespace {

constexpr size_t kMostSplitChoices = 100;

// A question column's ImportId (or, in legacy exports, its name) in parts: "2_QID5_4_TEXT" is loop 2,
// question QID5, choice 4, text entry.
struct QuestionPart {
    std::string loop;
    std::string stem;
    std::string choice;
    bool textEntry = false;
};

bool isDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

bool isLetter(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
}

std::optional<QuestionPart> questionPartOf(const QualtricsColumn& column)
{
    if (!column.metadataKey.empty()) return std::nullopt;
    const bool legacy = column.importId.empty();
    std::string_view id = legacy ? std::string_view(column.variable.name) : std::string_view(column.importId);
    QuestionPart part;
    const size_t digits = static_cast<size_t>(
        std::find_if(id.begin(), id.end(), [](unsigned char c) { return !std::isdigit(c); }) - id.begin());
    if (digits > 0 && digits + 1 < id.size() && id[digits] == '_' && isLetter(id[digits + 1])) {
        part.loop = std::string(id.substr(0, digits));
        id.remove_prefix(digits + 1);
    }
    if (id.empty() || !isLetter(id.front()) || (!legacy && !id.starts_with("QID"))) return std::nullopt;
    const size_t separator = id.find('_');
    part.stem = std::string(id.substr(0, separator));
    std::string_view rest = separator == std::string_view::npos ? std::string_view() : id.substr(separator + 1);
    if (rest == "TEXT") {
        part.textEntry = true;
        rest = {};
    } else if (rest.ends_with("_TEXT")) {
        part.textEntry = true;
        rest.remove_suffix(5);
    }
    part.choice = std::string(rest);
    return part;
}

bool isDichotomy(const QualtricsColumn& c)
{
    if (c.column->isString()) return false;
    bool selected = false;
    for (size_t r = 0; r < c.column->size(); ++r) {
        const double v = c.column->number(r);
        if (c.variable.missing.isMissing(v)) continue;
        if (v != 0 && v != 1) return false;
        selected = selected || v == 1;
    }
    return selected;
}

// The choice codes of a cell "1,3,4"; an empty list for an empty cell or a negative "seen but unanswered"
// code; nullopt for anything else.
std::optional<std::vector<long>> choicesOf(std::string_view cell)
{
    cell = trimBlanks(cell);
    std::vector<long> codes;
    if (cell.empty() || (cell.front() == '-' && isDigits(cell.substr(1)))) return codes;
    while (true) {
        const size_t comma = cell.find(',');
        const std::string_view token = trimBlanks(cell.substr(0, comma));
        if (!isDigits(token) || token.size() > 9) return std::nullopt;
        codes.push_back(std::stol(std::string(token)));
        if (comma == std::string_view::npos) return codes;
        cell.remove_prefix(comma + 1);
    }
}

// A name as compared by data::sameName: ASCII letters in lower case.
std::string folded(std::string name)
{
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return name;
}

using NameSet = std::unordered_set<std::string>;  // folded names

// Comma-joined answers of a multiple-answer question not split at export, as one 0/1 column per choice, or
// nothing when the column holds anything else. `splits` gets "Q4 (Q4_1, Q4_3)" for the warning.
std::vector<QualtricsColumn> splitChoices(const QualtricsColumn& original, NameSet& names, std::string& splits,
                                          std::vector<std::string>& warnings)
{
    std::vector<std::vector<long>> cells;
    std::set<long> codes;
    bool joined = false;
    for (size_t r = 0; r < original.column->size(); ++r) {
        auto choices = choicesOf(original.column->text(r));
        if (!choices) return {};
        joined = joined || choices->size() > 1;
        codes.insert(choices->begin(), choices->end());
        cells.push_back(std::move(*choices));
    }
    if (!joined || codes.size() > kMostSplitChoices) return {};

    std::vector<QualtricsColumn> added;
    std::string list;
    for (long code : codes) {
        QualtricsColumn split;
        split.variable.name = original.variable.name + "_" + std::to_string(code);
        if (names.contains(folded(split.variable.name))) {
            warnings.push_back(original.variable.name + " holds several choices per cell but was not split: " +
                               split.variable.name + " exists already.");
            return {};
        }
        split.variable.label = original.variable.label + " - " + std::to_string(code);
        split.variable.format = {5, 1, 0};
        split.variable.measure = data::MeasureLevel::Nominal;
        split.importId = original.importId.empty() ? "" : original.importId + "_" + std::to_string(code);
        std::vector<double> values(cells.size(), data::kSysmis);
        for (size_t r = 0; r < cells.size(); ++r)
            if (!cells[r].empty())
                values[r] = std::find(cells[r].begin(), cells[r].end(), code) != cells[r].end() ? 1 : 0;
        split.column = data::Column::fromDoubles(std::move(values));
        list += (list.empty() ? "" : ", ") + split.variable.name;
        added.push_back(std::move(split));
    }
    for (const auto& split : added) names.insert(folded(split.variable.name));
    splits += (splits.empty() ? "" : "; ") + original.variable.name + " (" + list + ")";
    return added;
}

// A column of a multiple-answer question: its row (the statement of a multiple-answer matrix, "1" of QID6_1_3;
// empty for a plain question) and its choice code ("3").
struct AnswerColumn {
    size_t index = 0;
    std::string row;
    std::string code;
};

std::optional<AnswerColumn> answerColumnOf(size_t index, const QuestionPart& part)
{
    if (part.stem.empty() || part.textEntry) return std::nullopt;
    const size_t separator = part.choice.rfind('_');
    AnswerColumn answer{index, "", part.choice};
    if (separator != std::string::npos) {
        answer.row = part.choice.substr(0, separator);
        answer.code = part.choice.substr(separator + 1);
    }
    if (!isDigits(answer.code)) return std::nullopt;
    return answer;
}

// The name of the set of a question: the export tag its columns share ("Q5" of Q5_1, Q5_2), else its QID,
// with the loop iteration after it (SPSS names start with a letter).
std::string setNameOf(const std::vector<QualtricsColumn>& columns, const QuestionPart& part,
                      const std::vector<AnswerColumn>& members, NameSet& setNames)
{
    std::optional<std::string> shared;
    for (const auto& member : members) {
        const std::string& name = columns[member.index].variable.name;
        const std::string suffix = "_" + member.code;
        const std::string tag = name.ends_with(suffix) ? name.substr(0, name.size() - suffix.size()) : "";
        if (tag.empty() || (shared && !data::sameName(*shared, tag))) {
            shared = std::nullopt;
            break;
        }
        shared = tag;
    }
    const std::string& row = members.front().row;
    std::string base = shared ? *shared : row.empty() ? part.stem : part.stem + "_" + row;
    if (!part.loop.empty() && base.starts_with(part.loop + "_")) base.erase(0, part.loop.size() + 1);
    if (!part.loop.empty()) base += "_loop" + part.loop;
    std::string name = base;
    for (int n = 2; setNames.contains(folded(name)); ++n) name = base + "_" + std::to_string(n);
    setNames.insert(folded(name));
    return name;
}

// The question parts of the columns; a default (empty stem) part for columns that are not questions.
std::vector<QuestionPart> partsOf(const std::vector<QualtricsColumn>& columns)
{
    std::vector<QuestionPart> parts;
    parts.reserve(columns.size());
    for (const auto& c : columns) parts.push_back(questionPartOf(c).value_or(QuestionPart{}));
    return parts;
}

std::string questionKey(const QuestionPart& part, const std::string& choice)
{
    return part.loop + '\x1F' + part.stem + '\x1F' + choice;
}

void addMultipleResponseSets(const std::vector<QualtricsColumn>& columns, const std::vector<QuestionPart>& parts,
                             std::vector<data::MultipleResponseSet>& sets)
{
    std::vector<std::vector<AnswerColumn>> questions;  // the choice columns of each question (or matrix row)
    std::unordered_map<std::string, size_t> questionOfKey;
    for (size_t i = 0; i < columns.size(); ++i) {
        auto answer = answerColumnOf(i, parts[i]);
        if (!answer) continue;
        const auto [it, added] = questionOfKey.try_emplace(questionKey(parts[i], answer->row), questions.size());
        if (added) questions.emplace_back();
        questions[it->second].push_back(std::move(*answer));
    }
    NameSet setNames;
    for (const auto& set : sets) setNames.insert(folded(set.name));
    for (const auto& members : questions) {
        if (members.size() < 2 || !std::all_of(members.begin(), members.end(),
                                               [&](const AnswerColumn& a) { return isDichotomy(columns[a.index]); }))
            continue;
        const QuestionPart& part = parts[members.front().index];
        const std::string& label = columns[members.front().index].variable.label;
        data::MultipleResponseSet set;
        set.name = setNameOf(columns, part, members, setNames);
        // "<question> - <choice>", or "<question> - <statement> - <choice>" in a matrix.
        set.label = label.substr(0, members.front().row.empty() ? label.find(" - ") : label.rfind(" - "));
        if (!part.loop.empty()) set.label += " (loop " + part.loop + ")";
        set.dichotomy = true;
        set.countedValue = "1";
        for (const auto& member : members) set.variables.push_back(columns[member.index].variable.name);
        sets.push_back(std::move(set));
    }
}

// "(text for Q5_4)" after the label of the "other, please specify" column of choice 4 of Q5, when it follows
// that choice's column (multiple answer) or the question's column (single answer: "(text for Q7 = 4)").
void tieTextToChoices(std::vector<QualtricsColumn>& columns, const std::vector<QuestionPart>& parts)
{
    std::unordered_map<std::string, std::string> nameOfChoice;  // question key -> column name, so far
    for (size_t i = 0; i < columns.size(); ++i) {
        const QuestionPart& part = parts[i];
        if (part.stem.empty()) continue;
        if (!part.textEntry) {
            nameOfChoice[questionKey(part, part.choice)] = columns[i].variable.name;
            continue;
        }
        if (part.choice.empty()) continue;
        std::string choiceOf;
        if (auto choice = nameOfChoice.find(questionKey(part, part.choice)); choice != nameOfChoice.end())
            choiceOf = choice->second;
        else if (auto question = nameOfChoice.find(questionKey(part, "")); question != nameOfChoice.end())
            choiceOf = question->second + " = " + part.choice;
        if (choiceOf.empty()) continue;
        std::string& label = columns[i].variable.label;
        label += (label.empty() ? "" : " ") + std::string("(text for ") + choiceOf + ")";
    }
}

void nameLoopIterations(std::vector<QualtricsColumn>& columns, const std::vector<QuestionPart>& parts)
{
    for (size_t i = 0; i < columns.size(); ++i) {
        if (parts[i].loop.empty()) continue;
        std::string& label = columns[i].variable.label;
        label = label.empty() ? "Loop " + parts[i].loop : label + " (loop " + parts[i].loop + ")";
    }
}

// For each row of `columns`, the row of the choice-text export holding the same response, or nullopt.
std::optional<std::vector<std::optional<size_t>>> pairRows(const std::vector<QualtricsColumn>& columns,
                                                           const data::Dataset& choiceText)
{
    const size_t rows = columns.empty() ? 0 : columns.front().column->size();
    std::vector<std::optional<size_t>> pairs(rows);
    const auto id = std::find_if(columns.begin(), columns.end(),
                                 [](const QualtricsColumn& c) { return c.metadataKey == "_recordId"; });
    const auto partnerId = id == columns.end() ? std::nullopt : choiceText.indexOf(id->variable.name);
    if (partnerId && id->column->isString() && choiceText.column(*partnerId).isString()) {
        std::unordered_map<std::string, size_t> rowOf;
        for (size_t r = 0; r < choiceText.caseCount(); ++r) rowOf.emplace(choiceText.column(*partnerId).text(r), r);
        for (size_t r = 0; r < rows; ++r) {
            const auto found = rowOf.find(std::string(id->column->text(r)));
            if (found != rowOf.end()) pairs[r] = found->second;
        }
        return pairs;
    }
    if (choiceText.caseCount() != rows) return std::nullopt;
    for (size_t r = 0; r < rows; ++r) pairs[r] = r;
    return pairs;
}

}  // namespace

std::string_view trimBlanks(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

void splitJoinedChoices(std::vector<QualtricsColumn>& columns, std::vector<std::string>& warnings)
{
    NameSet names;
    for (const auto& c : columns) names.insert(folded(c.variable.name));
    // The split columns follow the original one, which stays.
    std::vector<QualtricsColumn> withSplits;
    withSplits.reserve(columns.size());
    std::string splits;
    for (auto& column : columns) {
        const auto part = questionPartOf(column);
        auto split = part && !part->textEntry && column.column->isString()
                         ? splitChoices(column, names, splits, warnings)
                         : std::vector<QualtricsColumn>();
        withSplits.push_back(std::move(column));
        std::move(split.begin(), split.end(), std::back_inserter(withSplits));
    }
    columns = std::move(withSplits);
    if (!splits.empty())
        warnings.push_back("Answers holding several choices per cell were split into 0/1 columns: " + splits + ".");
}

void describeQuestions(std::vector<QualtricsColumn>& columns, std::vector<data::MultipleResponseSet>& sets)
{
    const std::vector<QuestionPart> parts = partsOf(columns);
    addMultipleResponseSets(columns, parts, sets);
    tieTextToChoices(columns, parts);
    nameLoopIterations(columns, parts);
}

void labelFromChoiceText(std::vector<QualtricsColumn>& columns, const data::Dataset& choiceText,
                         std::vector<std::string>& warnings)
{
    const auto pairs = pairRows(columns, choiceText);
    if (!pairs) {
        warnings.push_back("The choice-text export has " + std::to_string(choiceText.caseCount()) +
                           " responses and no ResponseId to match them with; no value labels were taken from it.");
        return;
    }
    std::unordered_map<std::string, size_t> partnerOf;
    for (size_t i = choiceText.variableCount(); i-- > 0;) partnerOf[folded(choiceText.variable(i).name)] = i;
    std::unordered_map<std::string, size_t> indexOf;
    for (size_t i = columns.size(); i-- > 0;) indexOf[folded(columns[i].variable.name)] = i;
    std::string conflicts;
    size_t labelled = 0;
    for (auto& c : columns) {
        const auto partner = partnerOf.find(folded(c.variable.name));
        if (!c.metadataKey.empty() || partner == partnerOf.end() || !choiceText.column(partner->second).isString())
            continue;
        const data::Column& texts = choiceText.column(partner->second);
        // Each code with its text: a numeric column pairs whole cells, a comma-joined one ("1,3" with
        // "Phone,Video") pairs its choices in order, where both hold as many.
        std::map<double, std::string> textOf;
        bool consistent = true;
        auto pair = [&](double code, std::string_view text) {
            if (text.empty() || text == numberText(code)) return;
            const auto [it, added] = textOf.emplace(code, std::string(text));
            consistent = consistent && (added || it->second == text);
        };
        for (size_t r = 0; r < pairs->size() && consistent; ++r) {
            if (!(*pairs)[r]) continue;
            const std::string_view text = trimBlanks(texts.text(*(*pairs)[r]));
            if (!c.column->isString()) {
                if (!std::isnan(c.column->number(r))) pair(c.column->number(r), text);
                continue;
            }
            const auto choices = choicesOf(c.column->text(r));
            if (!choices) {  // not comma-joined choices
                textOf.clear();
                break;
            }
            std::vector<std::string_view> words;
            for (size_t begin = 0; !choices->empty() && begin <= text.size();) {
                const size_t comma = std::min(text.find(',', begin), text.size());
                words.push_back(trimBlanks(text.substr(begin, comma - begin)));
                begin = comma + 1;
            }
            if (words.size() != choices->size()) continue;  // a text holding a comma: ambiguous
            for (size_t k = 0; k < words.size(); ++k) pair(static_cast<double>((*choices)[k]), words[k]);
        }
        if (!consistent) {
            conflicts += (conflicts.empty() ? "" : ", ") + c.variable.name;
            continue;
        }
        if (textOf.empty()) continue;
        ++labelled;
        if (c.column->isString()) {  // the text names the 0/1 column split off for each choice
            for (const auto& [code, text] : textOf) {
                const auto split = indexOf.find(folded(c.variable.name + "_" + numberText(code)));
                if (split != indexOf.end()) columns[split->second].variable.label = c.variable.label + " - " + text;
            }
            continue;
        }
        for (const auto& [code, text] : textOf)
            if (!c.variable.valueLabels.find(code)) c.variable.valueLabels.set(code, text);
        if (c.variable.measure == data::MeasureLevel::Scale) c.variable.measure = data::MeasureLevel::Nominal;
    }
    if (!conflicts.empty())
        warnings.push_back("No value labels were taken from the choice-text export for " + conflicts +
                           ": the same code stands for different texts there.");
    if (labelled == 0 && conflicts.empty())
        warnings.push_back("The choice-text export gave no value labels: no column pairs a code with a text.");
}

}  // namespace sl::core::io
