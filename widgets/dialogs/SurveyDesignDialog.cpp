#include "widgets/dialogs/SurveyDesignDialog.h"

#include "widgets/dialogs/StatusText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStringList>
#include <QVBoxLayout>

namespace sl::widgets {

namespace {

constexpr int kNoVariable = -1;


QString nameOf(const core::data::Dataset& dataset, size_t v)
{
    return QString::fromStdString(dataset.variable(v).name);
}

}  // namespace

SurveyDesignDialog::SurveyDesignDialog(core::data::DatasetPtr dataset, const core::stats::DesignVariables& current,
                                       QWidget* parent)
    : QDialog(parent), m_dataset(std::move(dataset))
{
    setWindowTitle(tr("Survey Design"));

    auto* intro = new QLabel(tr("Tell SurveyLens how the sample was drawn, so that the Survey analyses give "
                                "standard errors and tests that fit it. Leave a variable at (none) when the "
                                "sample did not use it."),
                             this);
    intro->setWordWrap(true);

    QString weights = tr("<b>Not frequency weights.</b> Frequency weights (SPSS's WEIGHT BY, the weight stored "
                         "in the file) make a case count as several identical answers; weighted counts and tables keep using them. The "
                         "sampling weight chosen here is used only by the Survey analyses.");
    if (!m_dataset->weightVariable.empty())
        weights += QLatin1Char(' ') + tr("This file is weighted by %1 as frequency weights.")
                                          .arg(QString::fromStdString(m_dataset->weightVariable).toHtmlEscaped());
    auto* weightNote = new QLabel(weights, this);
    weightNote->setTextFormat(Qt::RichText);
    weightNote->setWordWrap(true);
    weightNote->setObjectName(QStringLiteral("weightNote"));
    weightNote->setStyleSheet(QStringLiteral("#weightNote { background: palette(alternate-base); border: 1px solid palette(mid);"
                                             " border-radius: 4px; padding: 6px; }"));

    m_weight = variableBox(false, tr("Sampling weight"));
    m_strata = variableBox(true, tr("Strata"));
    m_cluster = variableBox(true, tr("Clusters (PSUs)"));
    m_fpc = variableBox(false, tr("Finite population correction"));
    m_nest = new QCheckBox(tr("Cluster codes are &numbered within each stratum (nest)"), this);
    m_nest->setAccessibleName(tr("Cluster codes are numbered within each stratum"));
    m_lonelyPsu = new QComboBox(this);
    m_lonelyPsu->addItem(tr("Report as a problem"), static_cast<int>(core::stats::LonelyPsu::Fail));
    m_lonelyPsu->addItem(tr("Adjust: centre the PSU at zero, as R's survey package does"),
                         static_cast<int>(core::stats::LonelyPsu::Adjust));
    m_lonelyPsu->setAccessibleName(tr("Strata with a single PSU"));
    m_lonelyPsu->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    auto* choices = new QFormLayout;
    choices->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    choices->addRow(tr("Sampling &weight:"), m_weight);
    choices->addRow(tr("&Strata:"), m_strata);
    choices->addRow(tr("&Clusters (PSUs):"), m_cluster);
    choices->addRow(QString(), m_nest);
    choices->addRow(tr("&Finite population correction:"), m_fpc);
    choices->addRow(tr("Strata with a single &PSU:"), m_lonelyPsu);
    m_fpc->setToolTip(tr("The number of PSUs in the stratum's population, or the sampling fraction when at most 1."));

    // The check in two columns: the size of the design, then what may keep it from being used.
    auto* check = new QGroupBox(tr("What this design gives"), this);
    auto* summary = new QGridLayout;
    summary->setHorizontalSpacing(12);
    summary->setColumnStretch(1, 1);
    summary->setColumnStretch(3, 2);
    int item = 0;
    const auto valueLabel = [&](const QString& caption) {
        auto* label = new QLabel(check);
        label->setAccessibleName(caption);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
        const int row = item % 3;
        const int column = item / 3 * 2;
        ++item;
        summary->addWidget(new QLabel(tr("%1:").arg(caption), check), row, column, Qt::AlignTop);
        summary->addWidget(label, row, column + 1, Qt::AlignTop);
        return label;
    };
    m_cases = valueLabel(tr("Cases"));
    m_strataCount = valueLabel(tr("Strata"));
    m_psuCount = valueLabel(tr("PSUs (clusters)"));
    m_designDf = valueLabel(tr("Design degrees of freedom"));
    m_lonelyStrata = valueLabel(tr("Strata with a single PSU"));
    m_missing = valueLabel(tr("Cases missing a design value"));
    m_problems = new QLabel(check);
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setAccessibleName(tr("Design check"));
    // Room for a problem of two lines, so that the dialog keeps its size as problems come and go.
    m_problems->setMinimumHeight(m_problems->fontMetrics().lineSpacing() * 2);
    m_problems->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto* checkLayout = new QVBoxLayout(check);
    checkLayout->addLayout(summary);
    checkLayout->addWidget(m_problems);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setAccessibleName(tr("Use this design"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    layout->addWidget(intro);
    layout->addLayout(choices);
    layout->addWidget(check);
    layout->addWidget(weightNote);
    layout->addWidget(buttons);

    // Tab goes through the choices in the order they are shown.
    setTabOrder(m_weight, m_strata);
    setTabOrder(m_strata, m_cluster);
    setTabOrder(m_cluster, m_nest);
    setTabOrder(m_nest, m_fpc);
    setTabOrder(m_fpc, m_lonelyPsu);

    setDesign(current);
    for (QComboBox* box : {m_weight, m_strata, m_cluster, m_fpc, m_lonelyPsu})
        connect(box, &QComboBox::currentIndexChanged, this, &SurveyDesignDialog::updateSummary);
    connect(m_nest, &QCheckBox::toggled, this, &SurveyDesignDialog::updateSummary);
    updateSummary();
}

QComboBox* SurveyDesignDialog::variableBox(bool allowText, const QString& accessibleName)
{
    auto* box = new QComboBox(this);
    box->setAccessibleName(accessibleName);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(44);
    box->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    box->addItem(tr("(none)"), kNoVariable);
    for (size_t v = 0; v < m_dataset->variableCount(); ++v) {
        const auto& variable = m_dataset->variable(v);
        if (variable.isString() && !allowText) continue;
        const QString name = QString::fromStdString(variable.name);
        box->addItem(variable.label.empty() ? name
                                            : tr("%1 — %2").arg(name, QString::fromStdString(variable.label)),
                     static_cast<int>(v));
    }
    return box;
}

void SurveyDesignDialog::select(QComboBox* box, const std::optional<size_t>& variable)
{
    const int index = box->findData(variable ? static_cast<int>(*variable) : kNoVariable);
    box->setCurrentIndex(index < 0 ? 0 : index);
}

void SurveyDesignDialog::setDesign(const core::stats::DesignVariables& design)
{
    select(m_weight, design.weight);
    select(m_strata, design.strata);
    select(m_cluster, design.cluster);
    select(m_fpc, design.fpc);
    m_nest->setChecked(design.nest);
    m_lonelyPsu->setCurrentIndex(m_lonelyPsu->findData(static_cast<int>(design.lonelyPsu)));
}

core::stats::DesignVariables SurveyDesignDialog::design() const
{
    const auto chosen = [](const QComboBox* box) {
        const int v = box->currentData().toInt();
        return v == kNoVariable ? std::optional<size_t>() : std::optional<size_t>(static_cast<size_t>(v));
    };
    core::stats::DesignVariables design;
    design.weight = chosen(m_weight);
    design.strata = chosen(m_strata);
    design.cluster = chosen(m_cluster);
    design.fpc = chosen(m_fpc);
    design.nest = m_nest->isChecked();
    design.lonelyPsu = static_cast<core::stats::LonelyPsu>(m_lonelyPsu->currentData().toInt());
    return design;
}

void SurveyDesignDialog::updateSummary()
{
    const auto chosen = design();
    const auto summary = core::stats::summarizeDesign(*m_dataset, chosen);
    const QLocale locale;
    const auto count = [&](const std::optional<size_t>& n) {
        return n ? locale.toString(static_cast<qulonglong>(*n)) : tr("cannot be counted yet");
    };
    m_cases->setText(locale.toString(static_cast<qulonglong>(summary.cases)));
    m_strataCount->setText(chosen.strata || !summary.strata ? count(summary.strata)
                                                            : tr("%1 (no strata chosen)").arg(count(summary.strata)));
    m_psuCount->setText(chosen.cluster || !summary.psus ? count(summary.psus)
                                                        : tr("%1 (each case is a PSU)").arg(count(summary.psus)));
    m_designDf->setText(summary.designDf ? locale.toString(*summary.designDf, 'f', 0) : tr("cannot be computed yet"));

    QStringList lonely;
    for (const auto& stratum : summary.lonelyStrata) lonely << QString::fromStdString(stratum);
    if (!summary.strata) m_lonelyStrata->setText(tr("cannot be checked yet"));
    else if (lonely.isEmpty()) m_lonelyStrata->setText(tr("none"));
    else if (chosen.lonelyPsu == core::stats::LonelyPsu::Adjust)
        m_lonelyStrata->setText(tr("%1 (adjusted)").arg(lonely.join(QStringLiteral(", "))));
    else m_lonelyStrata->setText(lonely.join(QStringLiteral(", ")));
    m_missing->setText(locale.toString(static_cast<qulonglong>(summary.casesMissingDesignValues)));

    if (summary.problems.empty()) {
        m_problems->setStyleSheet(QStringLiteral("color: %1;").arg(statusColor(palette(), true).name()));
        m_problems->setText(tr("The design can be used."));
    } else {
        QStringList problems;
        for (const auto& problem : summary.problems) problems << tr("Problem: %1").arg(QString::fromStdString(problem));
        m_problems->setStyleSheet(QStringLiteral("color: %1;").arg(statusColor(palette(), false).name()));
        m_problems->setText(problems.join(QLatin1Char('\n')));
    }
    m_ok->setEnabled(summary.problems.empty());
}

QString SurveyDesignDialog::summaryText() const
{
    QStringList lines;
    for (const QLabel* label : {m_cases, m_strataCount, m_psuCount, m_designDf, m_lonelyStrata, m_missing})
        lines << tr("%1: %2").arg(label->accessibleName(), label->text());
    lines << m_problems->text();
    return lines.join(QLatin1Char('\n'));
}

QString SurveyDesignDialog::statusText(const core::data::Dataset& dataset, const core::stats::DesignVariables& design)
{
    QStringList parts;
    if (design.strata) parts << tr("strata %1").arg(nameOf(dataset, *design.strata));
    if (design.cluster) parts << tr("clusters %1").arg(nameOf(dataset, *design.cluster));
    if (design.weight) parts << tr("weight %1").arg(nameOf(dataset, *design.weight));
    if (design.fpc) parts << tr("fpc %1").arg(nameOf(dataset, *design.fpc));
    if (parts.isEmpty()) return {};
    return tr("Survey design: %1").arg(parts.join(QStringLiteral(", ")));
}

}  // namespace sl::widgets
