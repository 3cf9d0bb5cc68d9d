#pragma once
// A short note shown above the data when the sample survey opens: what the data is and
// three things to try first. Closed with its button. Its colours come from the palette.
#include <QFrame>

namespace sl::widgets {

class WelcomePanel : public QFrame {
    Q_OBJECT
public:
    explicit WelcomePanel(QWidget* parent = nullptr);

signals:
    void dismissed();

protected:
    void paintEvent(QPaintEvent* event) override;
};

}  // namespace sl::widgets
