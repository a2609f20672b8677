#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace nemo::net {

// One typed error for everything that can go wrong talking to the service, with the sentence a
// person should read and, where there is one, the action that helps (a link, a retry).
class ApiError
{
    Q_DECLARE_TR_FUNCTIONS(nemo::net::ApiError)
public:
    enum class Kind
    {
        None,
        Network, // no connection, DNS, reset
        Timeout,
        Cancelled,
        Insecure,          // plain http to a non-loopback host, TLS failure
        BadResponse,       // unreadable or unexpected answer
        InvalidInput,      // refused before sending
        TokenExpired,      // 1001 (or HTTP 401)
        SessionNotFound,   // 1002
        NoCredits,         // 2001
        UnsupportedFile,   // 4001
        FileTooLarge,      // 4002
        BadRequest,        // HTTP 400 (on the token call: missing X-Client-Id)
        ExportBlocked,     // HTTP 402
        RateLimited,       // HTTP 429
        NotFound,          // HTTP 404
        Conflict,          // HTTP 409 (e.g. a render id used twice)
        Server,            // HTTP 5xx and unknown business codes
        RenderFailed,      // the service's render failed
        LocalRenderFailed, // the render on this computer did not give a whole video (detail: why)
        Storage,           // a file here could not be written: a full or read-only disk (detail: which)
        Keychain,          // the OS keychain refused
        Other
    };

    ApiError() = default;
    ApiError(Kind kind, QString serverMessage = QString(), int httpStatus = 0, int code = 0);

    static ApiError fromBusinessCode(int code, const QString &serverMessage, int httpStatus);
    static ApiError fromHttpStatus(int httpStatus, const QString &serverMessage);

    bool isError() const { return m_kind != Kind::None; }
    explicit operator bool() const { return isError(); }
    Kind kind() const { return m_kind; }
    int httpStatus() const { return m_httpStatus; }
    int code() const { return m_code; }
    QString serverMessage() const { return m_serverMessage; }

    // For 2001: whose registration link to show; anonymous users get the link, others "top up".
    void setUserId(const QString &userId) { m_userId = userId; }
    QString userId() const { return m_userId; }
    // Extra words for the message, e.g. the file a 4001 is about.
    void setDetail(const QString &detail) { m_detail = detail; }
    QString detail() const { return m_detail; }

    // A sentence for a person, translated, never raw JSON or a token.
    QString message() const;
    // A short name for the kind of problem ("Out of credits"), for titles and status lines.
    QString title() const;
    // Where the user can fix it (registration, upgrade), if anywhere.
    QUrl actionUrl() const;
    QString actionLabel() const;
    // Whether trying the same thing again later may work.
    bool isTransient() const;

    static QString acceptedFormatsText();
    static QUrl registrationUrl(const QString &userId);
    static QString kindName(Kind kind);

private:
    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    int m_code = 0;
    QString m_serverMessage;
    QString m_userId;
    QString m_detail;
};

} // namespace nemo::net
