#include "fakeserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

#include <csignal>
#include <cstdio>

using nemo::fake::FakeServer;
using nemo::fake::Scenario;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nemo-fake-server"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A local implementation of the NemoVideo service for "
                                                    "development and tests. Binds to 127.0.0.1 only."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("TCP port (0 = any free port)."), QStringLiteral("N"),
                                        QStringLiteral("0"));
    const QCommandLineOption scenarioOption(
        QStringLiteral("scenario"),
        QStringLiteral("JSON file with behaviour settings and faults (see docs/FAKESERVER.md)."),
        QStringLiteral("FILE"));
    const QCommandLineOption mediaOption(
        QStringLiteral("media-dir"),
        QStringLiteral("Folder for uploads and renders (default: a temporary folder)."),
        QStringLiteral("DIR"));
    parser.addOptions({portOption, scenarioOption, mediaOption});
    parser.process(app);

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        std::fprintf(stderr, "nemo-fake-server: --port must be a number from 0 to 65535\n");
        return 2;
    }

    FakeServer server;
    if (parser.isSet(scenarioOption)) {
        QFile file(parser.value(scenarioOption));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "nemo-fake-server: cannot read %s: %s\n", qPrintable(file.fileName()),
                         qPrintable(file.errorString()));
            return 2;
        }
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            std::fprintf(stderr, "nemo-fake-server: %s is not a JSON object: %s\n",
                         qPrintable(file.fileName()), qPrintable(error.errorString()));
            return 2;
        }
        server.setScenario(Scenario::fromJson(document.object()));
    }
    if (parser.isSet(mediaOption))
        server.setMediaDir(parser.value(mediaOption));
    if (!server.listen(quint16(port))) {
        std::fprintf(stderr, "nemo-fake-server: cannot listen on 127.0.0.1:%u\n", port);
        return 1;
    }
    std::printf("NEMO_FAKE_SERVER_URL=%s\n", qPrintable(server.baseUrl().toString()));
    std::fflush(stdout);

    std::signal(SIGINT, [](int) { QCoreApplication::quit(); });
    std::signal(SIGTERM, [](int) { QCoreApplication::quit(); });
    return app.exec();
}
