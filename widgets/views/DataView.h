#pragma once
// The Data View grid: fixed row heights and column widths taken from each variable's
// display width, so scrolling through a million cases never measures a row.
#include <QTableView>

namespace sl::widgets {

class DataView : public QTableView {
    Q_OBJECT
public:
    explicit DataView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;

private:
    void fitColumnsToVariables();
};

}  // namespace sl::widgets
