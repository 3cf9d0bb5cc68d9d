#include "widgets/panels/WelcomePanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sl::widgets {

WelcomePanel::WelcomePanel(QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("welcomePanel"));
    setStyleSheet(QStringLiteral("#welcomePanel { background: #eef4fb; border: 1px solid #c9d9ec;"
                                 " border-radius: 6px; } #welcomePanel QLabel { background: transparent; }"));

    auto* title = new QLabel(tr("Welcome to SurveyLens"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto* about = new QLabel(tr("This is the sample survey that comes with SurveyLens: made-up answers of social "
                                "workers, stored as an SPSS file with variable labels, value labels and "
                                "missing-value codes, as real survey files have."),
                             this);
    about->setWordWrap(true);

    auto* tips = new QLabel(tr("<b>Three things to try</b><ol style=\"margin-left:-20px\">"
                               "<li>Switch between <i>Data View</i> and <i>Variable View</i> to see each "
                               "question's label, codes and missing values.</li>"
                               "<li>Turn <i>Value Labels</i> on and off in the toolbar to see the codes or "
                               "what they mean.</li>"
                               "<li>Change a variable's label or measure level in Variable View, then undo it "
                               "with Edit &gt; Undo.</li></ol>"),
                            this);
    tips->setTextFormat(Qt::RichText);
    tips->setWordWrap(true);

    auto* close = new QPushButton(tr("Got it"), this);
    close->setCursor(Qt::PointingHandCursor);
    connect(close, &QPushButton::clicked, this, [this] {
        hide();
        emit dismissed();
    });

    auto* text = new QVBoxLayout;
    text->setSpacing(6);
    text->addWidget(title);
    text->addWidget(about);
    text->addWidget(tips);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(18, 14, 18, 10);
    layout->setSpacing(24);
    layout->addLayout(text, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
}

}  // namespace sl::widgets
