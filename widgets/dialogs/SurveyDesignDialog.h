#pragma once
// Data > Survey Design: choose how the sample was drawn (sampling weight, strata, clusters,
// finite population correction) and see at once what that design gives: its strata, PSUs and
// degrees of freedom, strata with a single PSU, cases missing a design value, and anything that
// keeps it from being used. OK stays disabled until the design can be used.
#include "core/data/Dataset.h"
#include "core/stats/SurveyDesign.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace sl::widgets {

class SurveyDesignDialog : public QDialog {
    Q_OBJECT
public:
    // `current` is the design in use (indexes into `dataset`); the default is no design.
    explicit SurveyDesignDialog(core::data::DatasetPtr dataset, const core::stats::DesignVariables& current = {},
                                QWidget* parent = nullptr);

    // The design as chosen now.
    core::stats::DesignVariables design() const;
    void setDesign(const core::stats::DesignVariables& design);

    // One line for the status bar ("Survey design: strata region, clusters school, weight pw"),
    // or an empty string when no design variable is chosen.
    static QString statusText(const core::data::Dataset& dataset, const core::stats::DesignVariables& design);

    QComboBox* weightBox() const { return m_weight; }
    QComboBox* strataBox() const { return m_strata; }
    QComboBox* clusterBox() const { return m_cluster; }
    QComboBox* fpcBox() const { return m_fpc; }
    QCheckBox* nestBox() const { return m_nest; }
    QComboBox* lonelyPsuBox() const { return m_lonelyPsu; }
    QPushButton* okButton() const { return m_ok; }
    // The summary as the user reads it, line by line.
    QString summaryText() const;

private:
    QComboBox* variableBox(bool allowText, const QString& accessibleName);
    void select(QComboBox* box, const std::optional<size_t>& variable);
    void updateSummary();

    core::data::DatasetPtr m_dataset;
    QComboBox* m_weight;
    QComboBox* m_strata;
    QComboBox* m_cluster;
    QComboBox* m_fpc;
    QCheckBox* m_nest;
    QComboBox* m_lonelyPsu;
    QLabel* m_cases;
    QLabel* m_strataCount;
    QLabel* m_psuCount;
    QLabel* m_designDf;
    QLabel* m_lonelyStrata;
    QLabel* m_missing;
    QLabel* m_problems;
    QPushButton* m_ok;
};

}  // namespace sl::widgets
