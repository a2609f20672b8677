#pragma once

#include "net/attribution.h"

#include <QCoreApplication>
#include <QLocale>
#include <QUrl>

#include <chrono>

class QSettings;

namespace nemo::net {

using namespace std::chrono_literals;

// How requests leave this computer: the system's proxy settings (the default), none, or a manual HTTP or
// SOCKS5 proxy, optionally with a user name. The password is never part of the settings file: the
// secret store keeps it (Service reads it from there).
struct ProxySettings
{
    enum class Mode
    {
        System,
        None,
        Http,
        Socks5
    };

    Mode mode = Mode::System;
    QString host;
    quint16 port = 0;
    QString user;

    bool isManual() const { return mode == Mode::Http || mode == Mode::Socks5; }
    // Empty when usable; otherwise why not, for a person.
    QString check() const;
    static QString modeName(Mode mode);
    static Mode modeFromName(const QString &name);
    static QString passwordKey() { return QStringLiteral("proxy-password"); }
    bool operator==(const ProxySettings &other) const = default;
};

// Everything that decides where and how the client talks to the service. Timings are settings so
// that tests can shrink them; the defaults are the contract's.
struct ServiceConfig
{
    QUrl baseUrl = defaultBaseUrl();
    AttributionProfile profile = AttributionProfile::defaultProfile();
    QString language; // session language; empty = from the system locale
    qint64 maxUploadBytes = 200LL * 1024 * 1024;
    std::chrono::milliseconds rateLimitDelay = 30s;
    // Render polling (see RenderPollSchedule): first check after renderFirstCheck, then at the estimated
    // end, never more often than renderShortestPoll nor less often than renderLongestPoll.
    std::chrono::milliseconds renderFirstCheck = 3s;
    std::chrono::milliseconds renderShortestPoll = 2s;
    std::chrono::milliseconds renderLongestPoll = 30s;
    // After a dropped chat stream (the vendor's cadence): read the state after droppedStreamFirstCheck,
    // then every droppedStreamInterval, and stop after droppedStreamQuietReads reads without a change.
    std::chrono::milliseconds droppedStreamFirstCheck = 30s;
    std::chrono::milliseconds droppedStreamInterval = 60s;
    int droppedStreamQuietReads = 5;
    std::chrono::milliseconds turnLimit = 15min;
    std::chrono::milliseconds heartbeatOnlyLimit = 10min;
    std::chrono::milliseconds stillWorkingInterval = 2min;
    // A request that sends or receives nothing for this long has timed out ("did not answer in 30 s"). The
    // chat stream is not one of them: it has the turn limits above (heartbeats may be minutes apart).
    std::chrono::milliseconds inactivityTimeout = 30s;
    std::chrono::milliseconds retryBackoff = 1s; // first wait before re-trying an idempotent GET
    std::chrono::milliseconds reconnectInterval =
        2s; // first wait before trying again when offline (doubles, ≤ 1 min)
    int getRetries = 3;
    ProxySettings proxy;

    static QUrl defaultBaseUrl();
    // The file types the service accepts for upload (lower case, without the dot), as the contract lists
    // them.
    static const QStringList &acceptedExtensions();
    // A page of the NemoVideo web app (https://nemovideo.com<path>?<key>=<value>): registration, claims.
    static QUrl webAppUrl(const QString &path, const QString &key, const QString &value);
    // --base-url wins over NEMO_API_BASE, which wins over the saved setting.
    static QUrl resolveBaseUrl(const QString &commandLine, const QString &environment,
                               const QString &setting);
    // Empty when the URL may be used; otherwise why not, for a person.
    static QString checkServiceUrl(const QUrl &url);
    static bool isLoopback(const QString &host);
    // The session language for a locale: "en", "zh-CN", "zh-TW", "ja", "pt-BR" …
    static QString languageFor(const QLocale &locale);

    QString effectiveLanguage() const;

    void load(const QSettings &settings);
    void save(QSettings &settings) const;
};

} // namespace nemo::net
