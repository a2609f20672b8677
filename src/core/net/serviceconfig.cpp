#include "net/serviceconfig.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QSettings>
#include <QUrlQuery>

namespace nemo::net {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(nemo::net::ServiceConfig)
};

QUrl normalized(const QString &text)
{
    QString trimmed = text.trimmed();
    while (trimmed.endsWith(QLatin1Char('/')))
        trimmed.chop(1);
    return QUrl(trimmed, QUrl::StrictMode);
}

} // namespace

QUrl ServiceConfig::webAppUrl(const QString &path, const QString &key, const QString &value)
{
    QUrl url(QStringLiteral("https://nemovideo.com"));
    url.setPath(path);
    QUrlQuery query;
    query.addQueryItem(key, value);
    url.setQuery(query);
    return url;
}

const QStringList &ServiceConfig::acceptedExtensions()
{
    static const QStringList list = {QStringLiteral("mp4"),  QStringLiteral("mov"), QStringLiteral("avi"),
                                     QStringLiteral("webm"), QStringLiteral("mkv"), QStringLiteral("jpg"),
                                     QStringLiteral("png"),  QStringLiteral("gif"), QStringLiteral("webp"),
                                     QStringLiteral("mp3"),  QStringLiteral("wav"), QStringLiteral("m4a"),
                                     QStringLiteral("aac")};
    return list;
}

QUrl ServiceConfig::defaultBaseUrl()
{
    return QUrl(QStringLiteral("https://mega-api-prod.nemovideo.ai"));
}

QUrl ServiceConfig::resolveBaseUrl(const QString &commandLine, const QString &environment,
                                   const QString &setting)
{
    for (const QString &candidate : {commandLine, environment, setting}) {
        if (!candidate.trimmed().isEmpty())
            return normalized(candidate);
    }
    return defaultBaseUrl();
}

bool ServiceConfig::isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString ServiceConfig::checkServiceUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return Text::tr("\"%1\" is not a valid server address.").arg(url.toString());
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http")) {
        if (isLoopback(url.host()))
            return {};
        return Text::tr("Plain http is only allowed for this computer (localhost); use https for %1.")
            .arg(url.host());
    }
    return Text::tr("\"%1\" is not an http(s) address.").arg(url.toString());
}

QString ServiceConfig::languageFor(const QLocale &locale)
{
    const QString name = locale.name(); // e.g. zh_CN, pt_BR, en_US
    const QString language = name.section(QLatin1Char('_'), 0, 0);
    if (language == QLatin1String("zh")) {
        const bool traditional = locale.script() == QLocale::TraditionalChineseScript ||
            locale.territory() == QLocale::Taiwan || locale.territory() == QLocale::HongKong ||
            locale.territory() == QLocale::Macau;
        return traditional ? QStringLiteral("zh-TW") : QStringLiteral("zh-CN");
    }
    if (language == QLatin1String("pt") && locale.territory() == QLocale::Brazil)
        return QStringLiteral("pt-BR");
    if (language.isEmpty() || language == QLatin1String("C"))
        return QStringLiteral("en");
    return language;
}

QString ServiceConfig::effectiveLanguage() const
{
    return language.isEmpty() ? languageFor(QLocale()) : language;
}

QString ProxySettings::check() const
{
    if (!isManual())
        return QString();
    if (host.trimmed().isEmpty())
        return QCoreApplication::translate("nemo::net::ServiceConfig",
                                           "Enter the proxy server's name or address.");
    if (host.contains(QLatin1Char('/')) || host.contains(QLatin1Char(' ')))
        return QCoreApplication::translate(
            "nemo::net::ServiceConfig",
            "Enter only the proxy server's name or address, without http:// or a path.");
    if (port == 0)
        return QCoreApplication::translate("nemo::net::ServiceConfig", "Enter the proxy's port (1–65535).");
    return QString();
}

QString ProxySettings::modeName(Mode mode)
{
    switch (mode) {
    case Mode::None:
        return QStringLiteral("none");
    case Mode::Http:
        return QStringLiteral("http");
    case Mode::Socks5:
        return QStringLiteral("socks5");
    case Mode::System:
        break;
    }
    return QStringLiteral("system");
}

ProxySettings::Mode ProxySettings::modeFromName(const QString &name)
{
    for (Mode mode : {Mode::None, Mode::Http, Mode::Socks5}) {
        if (modeName(mode) == name)
            return mode;
    }
    return Mode::System;
}

void ServiceConfig::load(const QSettings &settings)
{
    const QString url = settings.value(QStringLiteral("service/baseUrl")).toString();
    if (!url.isEmpty())
        baseUrl = normalized(url);
    const QString source = settings.value(QStringLiteral("service/source")).toString();
    if (!source.isEmpty()) {
        profile = AttributionProfile::bySource(source);
        const QString platform = settings.value(QStringLiteral("service/platform")).toString();
        if (AttributionProfile::platforms().contains(platform))
            profile.platform = platform;
    }
    const qint64 maxMb = settings.value(QStringLiteral("uploads/maxMegabytes"), 200).toLongLong();
    maxUploadBytes = qBound(qint64(1), maxMb, qint64(4096)) * 1024 * 1024;
    proxy.mode = ProxySettings::modeFromName(settings.value(QStringLiteral("proxy/mode")).toString());
    proxy.host = settings.value(QStringLiteral("proxy/host")).toString().trimmed();
    proxy.port = quint16(qBound(0, settings.value(QStringLiteral("proxy/port")).toInt(), 65535));
    proxy.user = settings.value(QStringLiteral("proxy/user")).toString();
    if (!proxy.check().isEmpty())
        proxy.mode = ProxySettings::Mode::System; // a damaged setting never sends traffic somewhere odd
}

void ServiceConfig::save(QSettings &settings) const
{
    if (baseUrl == defaultBaseUrl())
        settings.remove(QStringLiteral("service/baseUrl"));
    else
        settings.setValue(QStringLiteral("service/baseUrl"), baseUrl.toString());
    settings.setValue(QStringLiteral("service/source"), profile.source);
    settings.setValue(QStringLiteral("service/platform"), profile.platform);
    settings.setValue(QStringLiteral("uploads/maxMegabytes"), maxUploadBytes / (1024 * 1024));
    settings.setValue(QStringLiteral("proxy/mode"), ProxySettings::modeName(proxy.mode));
    settings.setValue(QStringLiteral("proxy/host"), proxy.host);
    settings.setValue(QStringLiteral("proxy/port"), proxy.port);
    settings.setValue(QStringLiteral("proxy/user"), proxy.user);
}

} // namespace nemo::net
