#include "net/apierror.h"

#include "net/serviceconfig.h"

namespace nemo::net {

ApiError::ApiError(Kind kind, QString serverMessage, int httpStatus, int code)
    : m_kind(kind)
    , m_httpStatus(httpStatus)
    , m_code(code)
    , m_serverMessage(std::move(serverMessage))
{ }

ApiError ApiError::fromBusinessCode(int code, const QString &serverMessage, int httpStatus)
{
    switch (code) {
    case 0:
        return httpStatus >= 400 ? fromHttpStatus(httpStatus, serverMessage) : ApiError();
    case 1001:
        return ApiError(Kind::TokenExpired, serverMessage, httpStatus, code);
    case 1002:
        return ApiError(Kind::SessionNotFound, serverMessage, httpStatus, code);
    case 2001:
        return ApiError(Kind::NoCredits, serverMessage, httpStatus, code);
    case 4001:
        return ApiError(Kind::UnsupportedFile, serverMessage, httpStatus, code);
    case 4002:
        return ApiError(Kind::FileTooLarge, serverMessage, httpStatus, code);
    default:
        break;
    }
    // Some services put the HTTP status in the code field.
    if (code >= 400 && code < 600) {
        ApiError error = fromHttpStatus(code, serverMessage);
        error.m_httpStatus = httpStatus;
        error.m_code = code;
        return error;
    }
    return ApiError(Kind::Server, serverMessage, httpStatus, code);
}

ApiError ApiError::fromHttpStatus(int httpStatus, const QString &serverMessage)
{
    Kind kind = Kind::Other;
    switch (httpStatus) {
    case 400:
        kind = Kind::BadRequest;
        break;
    case 401:
    case 403:
        kind = Kind::TokenExpired;
        break;
    case 402:
        kind = Kind::ExportBlocked;
        break;
    case 404:
        kind = Kind::NotFound;
        break;
    case 408:
        kind = Kind::Timeout;
        break;
    case 409:
        kind = Kind::Conflict;
        break;
    case 413:
        kind = Kind::FileTooLarge;
        break;
    case 415:
        kind = Kind::UnsupportedFile;
        break;
    case 429:
        kind = Kind::RateLimited;
        break;
    default:
        kind = httpStatus >= 500 ? Kind::Server : Kind::Other;
        break;
    }
    return ApiError(kind, serverMessage, httpStatus, 0);
}

QString ApiError::acceptedFormatsText()
{
    return ServiceConfig::acceptedExtensions().join(QStringLiteral(", "));
}

QUrl ApiError::registrationUrl(const QString &userId)
{
    return ServiceConfig::webAppUrl(QStringLiteral("/register"), QStringLiteral("bind"), userId);
}

bool ApiError::isTransient() const
{
    switch (m_kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Server:
    case Kind::RateLimited:
    case Kind::BadResponse:
        return true;
    default:
        return false;
    }
}

QString ApiError::title() const
{
    switch (m_kind) {
    case Kind::None:
        return QString();
    case Kind::Network:
        return tr("Offline");
    case Kind::Timeout:
        return tr("Timed out");
    case Kind::Cancelled:
        return tr("Stopped");
    case Kind::Insecure:
        return tr("Insecure connection");
    case Kind::BadResponse:
        return tr("Unexpected answer");
    case Kind::InvalidInput:
        return tr("Can't use that");
    case Kind::TokenExpired:
        return tr("Sign-in expired");
    case Kind::SessionNotFound:
        return tr("Session lost");
    case Kind::NoCredits:
        return tr("Out of credits");
    case Kind::UnsupportedFile:
        return tr("Unsupported file");
    case Kind::FileTooLarge:
        return tr("File too large");
    case Kind::BadRequest:
        return tr("Request refused");
    case Kind::ExportBlocked:
        return tr("Export not included in your plan");
    case Kind::RateLimited:
        return tr("Too many requests");
    case Kind::NotFound:
        return tr("Not found");
    case Kind::Conflict:
        return tr("Conflict");
    case Kind::Server:
        return tr("Service problem");
    case Kind::RenderFailed:
    case Kind::LocalRenderFailed:
        return tr("Export failed");
    case Kind::Storage:
        return tr("Can't write the file");
    case Kind::Keychain:
        return tr("Keychain unavailable");
    case Kind::Other:
        return tr("Error");
    }
    return tr("Error");
}

QString ApiError::message() const
{
    const QString server = m_serverMessage.trimmed().left(300);
    QString text;
    switch (m_kind) {
    case Kind::None:
        return QString();
    case Kind::Network:
        text = tr("Can't reach the NemoVideo service. Check your internet connection, then try again.");
        break;
    case Kind::Timeout:
        // The detail is how long it waited, in seconds.
        return m_detail.toInt() > 0
            ? tr("The service did not answer in %1 s. Try again in a moment.").arg(m_detail.toInt())
            : tr("The service took too long to answer. Try again in a moment.");
    case Kind::Cancelled:
        text = tr("Stopped.");
        break;
    case Kind::Insecure:
        text = tr(
            "The connection isn't secure, so Nemo Studio did not use it. Plain http is only allowed for this "
            "computer (localhost).");
        break;
    case Kind::BadResponse:
        text =
            tr("The service sent an answer Nemo Studio couldn't read. Try again; if it keeps happening the "
               "service may be having problems.");
        break;
    case Kind::InvalidInput:
        text = m_detail.isEmpty() ? tr("That input can't be used.") : m_detail;
        return text;
    case Kind::TokenExpired:
        text = tr("Your sign-in to NemoVideo has expired or was rejected. Nemo Studio will get a new one "
                  "automatically; if this keeps happening, sign out in Settings and try again.");
        break;
    case Kind::SessionNotFound:
        text = tr("The service no longer knows this editing session. A new session was started; the timeline "
                  "starts empty again.");
        break;
    case Kind::NoCredits:
        if (m_userId.isEmpty() || m_userId.startsWith(QLatin1String("anon_")))
            text = tr("You're out of free credits. Register to keep creating: %1")
                       .arg(registrationUrl(m_userId).toString());
        else
            text = tr("You're out of credits. Top up credits in your NemoVideo account to keep creating.");
        return text;
    case Kind::UnsupportedFile:
        text = tr("That file type isn't supported. Accepted formats: %1.").arg(acceptedFormatsText());
        break;
    case Kind::FileTooLarge:
        text = tr("The file is too large for the service. Compress it or trim it to a shorter clip, then try "
                  "again.");
        break;
    case Kind::BadRequest:
        text = tr("The service refused the request.");
        break;
    case Kind::ExportBlocked:
        text =
            tr("Register or upgrade your plan to unlock export. This is about your plan, not your credits.");
        return text;
    case Kind::RateLimited:
        text = tr("The service is limiting requests right now. Wait a minute and try again.");
        break;
    case Kind::NotFound:
        text = tr("The service couldn't find what was asked for.");
        break;
    case Kind::Conflict:
        text = tr("The service reported a conflict.");
        break;
    case Kind::Server:
        text = tr("The NemoVideo service had a problem. Try again in a moment.");
        break;
    case Kind::RenderFailed:
        text = tr("The export failed on the server.");
        break;
    case Kind::LocalRenderFailed:
        return m_detail.isEmpty() ? tr("The video could not be made on this computer.") : m_detail;
    case Kind::Storage:
        return m_detail.isEmpty() ? tr("A file could not be written on this computer.") : m_detail;
    case Kind::Keychain:
        text = tr("The system keychain couldn't be used to keep your sign-in.");
        break;
    case Kind::Other:
        text = tr("Something went wrong talking to the service.");
        break;
    }
    if (!m_detail.isEmpty())
        text = m_detail + QLatin1Char(' ') + text;
    // The server's own words help with refusals; they never contain secrets, but may be long.
    if (!server.isEmpty() && m_kind != Kind::Network && m_kind != Kind::Cancelled &&
        m_kind != Kind::TokenExpired)
        text += QLatin1Char(' ') + tr("(The service said: %1)").arg(server);
    return text;
}

QUrl ApiError::actionUrl() const
{
    if (m_kind == Kind::NoCredits && (m_userId.isEmpty() || m_userId.startsWith(QLatin1String("anon_"))))
        return registrationUrl(m_userId);
    if (m_kind == Kind::NoCredits || m_kind == Kind::ExportBlocked)
        return QUrl(QStringLiteral("https://nemovideo.com/pricing"));
    return {};
}

QString ApiError::actionLabel() const
{
    if (m_kind == Kind::NoCredits)
        return m_userId.isEmpty() || m_userId.startsWith(QLatin1String("anon_")) ? tr("Register")
                                                                                 : tr("Top up credits");
    if (m_kind == Kind::ExportBlocked)
        return tr("Register or upgrade");
    return {};
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::Insecure:
        return QStringLiteral("insecure");
    case Kind::BadResponse:
        return QStringLiteral("bad-response");
    case Kind::InvalidInput:
        return QStringLiteral("invalid-input");
    case Kind::TokenExpired:
        return QStringLiteral("token-expired");
    case Kind::SessionNotFound:
        return QStringLiteral("session-not-found");
    case Kind::NoCredits:
        return QStringLiteral("no-credits");
    case Kind::UnsupportedFile:
        return QStringLiteral("unsupported-file");
    case Kind::FileTooLarge:
        return QStringLiteral("file-too-large");
    case Kind::BadRequest:
        return QStringLiteral("bad-request");
    case Kind::ExportBlocked:
        return QStringLiteral("export-blocked");
    case Kind::RateLimited:
        return QStringLiteral("rate-limited");
    case Kind::NotFound:
        return QStringLiteral("not-found");
    case Kind::Conflict:
        return QStringLiteral("conflict");
    case Kind::Server:
        return QStringLiteral("server");
    case Kind::RenderFailed:
        return QStringLiteral("render-failed");
    case Kind::LocalRenderFailed:
        return QStringLiteral("local-render-failed");
    case Kind::Storage:
        return QStringLiteral("storage");
    case Kind::Keychain:
        return QStringLiteral("keychain");
    case Kind::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

} // namespace nemo::net
