#include "widgets/panels/WelcomePanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace sl::widgets {

WelcomePanel::WelcomePanel(QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("welcomePanel"));

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

void WelcomePanel::paintEvent(QPaintEvent*)
{
    // A tint of the highlight colour over the base, so the note reads in light and dark palettes alike.
    const auto tint = [this](double share) {
        const QColor base = palette().color(QPalette::Base);
        const QColor highlight = palette().color(QPalette::Highlight);
        return QColor::fromRgbF(static_cast<float>(base.redF() + (highlight.redF() - base.redF()) * share),
                                static_cast<float>(base.greenF() + (highlight.greenF() - base.greenF()) * share),
                                static_cast<float>(base.blueF() + (highlight.blueF() - base.blueF()) * share));
    };
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(tint(0.35), 1));
    painter.setBrush(tint(0.08));
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
}

}  // namespace sl::widgets
