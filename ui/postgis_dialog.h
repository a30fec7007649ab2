#pragma once

// File > Open from PostGIS…: where the project lives (a service name from pg_service.conf, or
// host, port, database and user) and which schema. Connect lists the schemas that hold a
// project; the password comes from pgpass or the service file, or is asked for here and kept
// only by the connection (never in settings, the title or the recent list).

#include "gis/postgis_connection.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace greenrenew::ui {

class PostgisDialog : public QDialog {
    Q_OBJECT
public:
    explicit PostgisDialog(QWidget* parent = nullptr);

    /// The location filled in (schema included).
    gis::PgLocation location() const;
    /// The input to open, "PG:service=... schemas=..." (no password).
    QString datasetInput() const;

    /// Connects and lists the project schemas; false (with the reason shown) on failure.
    bool connectAndList();

    /// The reason shown under the fields ("" when fine).
    QString statusText() const;

private:
    void updateOpenButton();

    QLineEdit* m_service = nullptr;
    QLineEdit* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QLineEdit* m_database = nullptr;
    QLineEdit* m_user = nullptr;
    QComboBox* m_schema = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_open = nullptr;
    /// True when the last connection needed a typed password: GDAL, which reads the layers,
    /// cannot be handed it without putting it into the data set's name, so opening then asks
    /// the user to keep it in pgpass instead.
    bool m_passwordTyped = false;
};

} // namespace greenrenew::ui
