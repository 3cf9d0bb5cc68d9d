#include "tests/widgets/WidgetTestSupport.h"
#include "widgets/document/DatasetDocument.h"
#include "widgets/models/DatasetTableModel.h"
#include "widgets/models/VariableTableModel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace sl;
using widgets::DatasetDocument;
using widgets::DatasetTableModel;
using widgets::VariableTableModel;

namespace {

struct Loaded {
    DatasetDocument document;
    Loaded(size_t cases) { document.load(tests::makeSurvey(cases), QString()); }
};

QString text(const QAbstractItemModel& model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

}  // namespace

TEST(DatasetTableModel, PassesModelTesterThroughLoadsAndEdits)
{
    tests::ensureApplication();
    DatasetDocument document;
    DatasetTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    document.load(tests::makeSurvey(40), QStringLiteral("survey.sav"));
    EXPECT_EQ(model.rowCount(), 40);
    EXPECT_EQ(model.columnCount(), 6);
    model.setShowValueLabels(true);
    auto gender = document.dataset()->variable(1);
    gender.label = "Gender";
    document.editVariable(1, gender, QStringLiteral("Change label of gender"));
    EXPECT_EQ(model.headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString(), QStringLiteral("Gender"));
    document.load(tests::makeSurvey(5), QStringLiteral("small.sav"));
    EXPECT_EQ(model.rowCount(), 5);
}

TEST(DatasetTableModel, ShowsLabelsOrCodesAndMarksMissingValues)
{
    tests::ensureApplication();
    Loaded loaded(30);
    DatasetTableModel model(&loaded.document);

    // Case 0: gender 1, satisfaction 1; case 4: gender 9 (user-missing); case 2: caseload system-missing.
    EXPECT_EQ(text(model, 0, 1), QStringLiteral("1"));
    EXPECT_EQ(text(model, 0, 3), QStringLiteral("12.5"));
    EXPECT_EQ(text(model, 0, 5), QStringLiteral("0.500"));
    model.setShowValueLabels(true);
    EXPECT_EQ(text(model, 0, 1), QStringLiteral("Woman"));
    EXPECT_EQ(text(model, 0, 2), QStringLiteral("Very dissatisfied"));
    EXPECT_EQ(text(model, 0, 3), QStringLiteral("12.5"));  // no labels: the number stays
    EXPECT_EQ(text(model, 0, 4), QStringLiteral("Child welfare"));
    model.setShowValueLabels(false);

    EXPECT_EQ(text(model, 4, 1), QStringLiteral("9"));
    EXPECT_TRUE(model.index(4, 1).data(Qt::ForegroundRole).canConvert<QColor>());
    EXPECT_FALSE(model.index(0, 1).data(Qt::ForegroundRole).isValid());
    EXPECT_TRUE(text(model, 4, 1, Qt::ToolTipRole).contains(QStringLiteral("Refused")));
    EXPECT_TRUE(model.index(6, 2).data(Qt::ForegroundRole).isValid());  // 8 is in the range 8 thru 9

    EXPECT_TRUE(text(model, 2, 3).isEmpty());
    EXPECT_EQ(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("gender"));
    EXPECT_EQ(model.headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString(),
              QStringLiteral("Gender of the social worker"));
    EXPECT_EQ(model.headerData(29, Qt::Vertical).toInt(), 30);
}

TEST(DatasetTableModel, FormatsDatesFromSpssSeconds)
{
    core::data::Variable date;
    date.format = {20, 11, 0};
    // 1 January 2000 is 13,166,064,000 seconds after 14 October 1582.
    EXPECT_EQ(DatasetTableModel::formatValue(date, 13166064000.0), QStringLiteral("2000-01-01"));
    core::data::Variable duration;
    duration.format = {21, 8, 0};
    EXPECT_EQ(DatasetTableModel::formatValue(duration, 3725.0), QStringLiteral("01:02:05"));
}

TEST(DatasetTableModel, ShowsDateTimesInTheTimeZoneTheyWereRecordedIn)
{
    core::data::Variable started;
    started.format = {22, 20, 0};
    // 2000-01-01 17:30:00 UTC.
    const double seconds = 13166064000.0 + 17.5 * 3600;
    EXPECT_EQ(DatasetTableModel::formatValue(started, seconds), QStringLiteral("2000-01-01 17:30:00"));
    started.timeZone = "America/Toronto";  // UTC-5 in January
    EXPECT_EQ(DatasetTableModel::formatValue(started, seconds), QStringLiteral("2000-01-01 12:30:00"));
    started.timeZone = "Not/AZone";
    EXPECT_EQ(DatasetTableModel::formatValue(started, seconds), QStringLiteral("2000-01-01 17:30:00"));
}

TEST(VariableTableModel, PassesModelTesterThroughLoadsAndEdits)
{
    tests::ensureApplication();
    DatasetDocument document;
    VariableTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    document.load(tests::makeSurvey(10), QString());
    EXPECT_EQ(model.rowCount(), 6);
    EXPECT_TRUE(model.setData(model.index(2, VariableTableModel::Label), QStringLiteral("Job satisfaction")));
    document.undoStack()->undo();
    document.load(std::make_shared<core::data::Dataset>(), QString());
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(VariableTableModel, DescribesEachVariable)
{
    tests::ensureApplication();
    Loaded loaded(10);
    VariableTableModel model(&loaded.document);
    EXPECT_EQ(text(model, 1, VariableTableModel::Name), QStringLiteral("gender"));
    EXPECT_EQ(text(model, 1, VariableTableModel::Type), QStringLiteral("Numeric"));
    EXPECT_EQ(text(model, 4, VariableTableModel::Type), QStringLiteral("String"));
    EXPECT_EQ(text(model, 4, VariableTableModel::Width), QStringLiteral("20"));
    EXPECT_EQ(text(model, 1, VariableTableModel::Values),
              QStringLiteral("1 = Woman; 2 = Man; 3 = Another gender; … (1 more)"));
    EXPECT_EQ(text(model, 1, VariableTableModel::Values, Qt::ToolTipRole),
              QStringLiteral("1 = Woman\n2 = Man\n3 = Another gender\n9 = Refused"));
    EXPECT_EQ(text(model, 1, VariableTableModel::Missing), QStringLiteral("9"));
    EXPECT_EQ(text(model, 2, VariableTableModel::Missing), QStringLiteral("8 thru 9"));
    EXPECT_EQ(text(model, 3, VariableTableModel::Values), QStringLiteral("None"));
    EXPECT_EQ(text(model, 2, VariableTableModel::Measure), QStringLiteral("Ordinal"));
    EXPECT_FALSE(model.index(2, VariableTableModel::Measure).data(Qt::DecorationRole).value<QIcon>().isNull());
    EXPECT_TRUE(model.flags(model.index(0, VariableTableModel::Label)) & Qt::ItemIsEditable);
    EXPECT_TRUE(model.flags(model.index(0, VariableTableModel::Name)) & Qt::ItemIsEditable);
    EXPECT_FALSE(model.flags(model.index(4, VariableTableModel::Decimals)) & Qt::ItemIsEditable);  // text
    EXPECT_TRUE(model.flags(model.index(4, VariableTableModel::Type)) & Qt::ItemIsEditable);  // to numbers
}

TEST(VariableTableModel, EditsLabelAsOneUndoableStep)
{
    tests::ensureApplication();
    Loaded loaded(10);
    DatasetDocument& document = loaded.document;
    VariableTableModel model(&document);
    const core::data::DatasetPtr before = document.dataset();
    QSignalSpy modified(&document, &DatasetDocument::modifiedChanged);

    ASSERT_TRUE(model.setData(model.index(1, VariableTableModel::Label), QStringLiteral("  Gender  ")));
    EXPECT_EQ(document.dataset()->variable(1).label, "Gender");
    EXPECT_EQ(before->variable(1).label, "Gender of the social worker");  // the old version is untouched
    EXPECT_EQ(&document.dataset()->column(1), &before->column(1));        // columns are shared, not copied
    EXPECT_TRUE(document.isModified());
    EXPECT_EQ(document.undoStack()->undoText(), QStringLiteral("Change label of gender"));
    EXPECT_EQ(text(model, 1, VariableTableModel::Label), QStringLiteral("Gender"));

    document.undoStack()->undo();
    EXPECT_EQ(document.dataset()->variable(1).label, "Gender of the social worker");
    EXPECT_FALSE(document.isModified());
    document.undoStack()->redo();
    EXPECT_EQ(document.dataset()->variable(1).label, "Gender");
    EXPECT_EQ(modified.count(), 3);
}

TEST(VariableTableModel, RefusesInvalidEdits)
{
    tests::ensureApplication();
    Loaded loaded(10);
    VariableTableModel model(&loaded.document);
    QSignalSpy rejected(&model, &VariableTableModel::editRejected);

    EXPECT_FALSE(model.setData(model.index(4, VariableTableModel::Measure),
                               static_cast<int>(core::data::MeasureLevel::Scale)));
    EXPECT_FALSE(model.setData(model.index(3, VariableTableModel::Decimals), 40));
    EXPECT_FALSE(model.setData(model.index(3, VariableTableModel::Label), QString(300, QLatin1Char('x'))));
    EXPECT_FALSE(model.setData(model.index(3, VariableTableModel::Name), QStringLiteral("ID")));
    EXPECT_EQ(rejected.count(), 4);
    EXPECT_EQ(loaded.document.undoStack()->count(), 0);

    EXPECT_TRUE(model.setData(model.index(3, VariableTableModel::Decimals), 3));
    EXPECT_EQ(loaded.document.dataset()->variable(3).format.decimals, 3);
    EXPECT_TRUE(model.setData(model.index(4, VariableTableModel::Measure),
                              static_cast<int>(core::data::MeasureLevel::Ordinal)));
    EXPECT_EQ(loaded.document.undoStack()->undoText(), QStringLiteral("Change measure of agency to Ordinal"));
}
