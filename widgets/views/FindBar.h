#pragma once
// A slim bar under the Data View for finding a value in the current variable; it stays open
// while the user keeps working in the grid.
#include <QWidget>

class QLineEdit;

namespace sl::widgets {

class DataView;

class FindBar : public QWidget {
    Q_OBJECT
public:
    FindBar(DataView* view, QWidget* parent = nullptr);

    QLineEdit* field() const { return m_field; }
    // Shows the bar with its text selected, ready for typing.
    void activate();
    // Moves the Data View to the next match of the typed text.
    void findNext();

signals:
    void statusMessage(const QString& text);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    DataView* m_view;
    QLineEdit* m_field;
};

}  // namespace sl::widgets
