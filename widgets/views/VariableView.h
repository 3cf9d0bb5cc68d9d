#pragma once
// The Variable View table: one row per variable; measure levels are picked from a list.
#include <QTableView>

namespace sl::widgets {

class VariableView : public QTableView {
    Q_OBJECT
public:
    explicit VariableView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;

private:
    void fitNames();
};

}  // namespace sl::widgets
