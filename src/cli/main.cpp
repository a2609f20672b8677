#include "cliapplication.h"
#include "util/translations.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("NemoStudio"));
    QCoreApplication::setApplicationName(QStringLiteral("NemoStudio"));

    // The CLI follows the system language (LANG / LC_ALL).
    nemo::util::Translations translations;
    translations.apply(QString());

    nemo::cli::CliApplication cli(QCoreApplication::arguments());
    return cli.run();
}
