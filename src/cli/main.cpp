#include "cliapplication.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <csignal>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("NemoStudio"));
    QCoreApplication::setApplicationName(QStringLiteral("NemoStudio"));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("nemostudio"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    std::signal(SIGINT, [](int) { nemo::cli::CliApplication::requestInterrupt(); });
    nemo::cli::CliApplication cli(QCoreApplication::arguments());
    return cli.run();
}
