#include "ui/postgis_dialog.h"

#include "gis/postgis_project.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace greenrenew::ui {

PostgisDialog::PostgisDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Open from PostGIS"));
    m_service = new QLineEdit(this);
    m_service->setPlaceholderText(tr("name in pg_service.conf (optional)"));
    m_host = new QLineEdit(this);
    m_host->setPlaceholderText(tr("localhost"));
    m_port = new QSpinBox(this);
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("default"));
    m_database = new QLineEdit(this);
    m_user = new QLineEdit(this);
    m_schema = new QComboBox(this);
    m_schema->setEditable(true);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    m_service->setObjectName(QStringLiteral("service"));
    m_host->setObjectName(QStringLiteral("host"));
    m_database->setObjectName(QStringLiteral("database"));
    m_user->setObjectName(QStringLiteral("user"));
    m_schema->setObjectName(QStringLiteral("schema"));

    auto* form = new QFormLayout;
    form->addRow(tr("Service:"), m_service);
    form->addRow(tr("Host:"), m_host);
    form->addRow(tr("Port:"), m_port);
    form->addRow(tr("Database:"), m_database);
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Project schema:"), m_schema);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* connectButton = buttons->addButton(tr("&Connect"),
                                                    QDialogButtonBox::ActionRole);
    connectButton->setObjectName(QStringLiteral("connectButton"));
    m_open = buttons->addButton(tr("&Open"), QDialogButtonBox::AcceptRole);
    m_open->setObjectName(QStringLiteral("openButton"));
    connect(connectButton, &QPushButton::clicked, this, [this] { connectAndList(); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_schema, &QComboBox::currentTextChanged, this, [this] { updateOpenButton(); });

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    updateOpenButton();
}

gis::PgLocation PostgisDialog::location() const
{
    gis::PgLocation location;
    location.service = m_service->text().trimmed();
    location.host = m_host->text().trimmed();
    location.port = m_port->value();
    location.database = m_database->text().trimmed();
    location.user = m_user->text().trimmed();
    location.schema = m_schema->currentText().trimmed();
    return location;
}

QString PostgisDialog::datasetInput() const { return gis::gdalInput(location()); }

QString PostgisDialog::statusText() const { return m_status->text(); }

bool PostgisDialog::connectAndList()
{
    m_passwordTyped = false;
    auto prompt = [this](const QString& where) -> std::optional<std::string> {
        bool ok = false;
        const QString password = QInputDialog::getText(
            this, tr("PostgreSQL password"), tr("Password for %1:").arg(where),
            QLineEdit::Password, QString(), &ok);
        if (!ok)
            return std::nullopt;
        m_passwordTyped = true;
        return password.toStdString();
    };
    auto connection = gis::PgConnection::open(location(), prompt);
    if (!connection) {
        m_status->setText(QString::fromStdString(connection.error().describe()));
        updateOpenButton();
        return false;
    }
    auto schemas = gis::postgisProjectSchemas(connection.value());
    if (!schemas) {
        m_status->setText(QString::fromStdString(schemas.error().describe()));
        return false;
    }
    const QString wanted = m_schema->currentText();
    m_schema->clear();
    m_schema->addItems(schemas.value());
    if (!wanted.isEmpty() && schemas.value().contains(wanted))
        m_schema->setCurrentText(wanted);
    m_status->setText(schemas.value().isEmpty()
                          ? tr("Connected; no schema on this server holds a parcels table")
                          : tr("Connected; %n project schema(s)", nullptr,
                               int(schemas.value().size())));
    if (m_passwordTyped)
        m_status->setText(m_status->text() + QLatin1Char('\n')
                          + tr("The layers are read through pgpass or the service file: add "
                               "this server's password there to open a project from it."));
    updateOpenButton();
    return true;
}

void PostgisDialog::updateOpenButton()
{
    m_open->setEnabled(!m_schema->currentText().trimmed().isEmpty() && !m_passwordTyped);
}

} // namespace greenrenew::ui
