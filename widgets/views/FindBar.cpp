#include "widgets/views/FindBar.h"

#include "widgets/views/DataView.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace sl::widgets {

FindBar::FindBar(DataView* view, QWidget* parent) : QWidget(parent), m_view(view), m_field(new QLineEdit(this))
{
    setObjectName(QStringLiteral("findBar"));
    auto* label = new QLabel(tr("Find in current variable:"), this);
    m_field->setPlaceholderText(tr("Code or label"));
    m_field->setClearButtonEnabled(true);
    m_field->setMinimumWidth(220);
    label->setBuddy(m_field);
    auto* next = new QPushButton(tr("Find &Next"), this);
    auto* close = new QToolButton(this);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setAutoRaise(true);
    close->setToolTip(tr("Close the find bar"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(label);
    layout->addWidget(m_field);
    layout->addWidget(next);
    layout->addStretch(1);
    layout->addWidget(close);

    connect(m_field, &QLineEdit::returnPressed, this, &FindBar::findNext);
    connect(next, &QPushButton::clicked, this, &FindBar::findNext);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
}

void FindBar::activate()
{
    show();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void FindBar::findNext()
{
    const QString text = m_field->text().trimmed();
    if (text.isEmpty()) return;
    if (!m_view->findNext(text)) emit statusMessage(tr("“%1” was not found in the current variable.").arg(text));
}

void FindBar::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        m_view->setFocus();
        return;
    }
    QWidget::keyPressEvent(event);
}

}  // namespace sl::widgets
