// Envelopes and errors: every answer shape the contract allows, codes read with any HTTP status.
#include "net/envelope.h"

#include <QTest>

using nemo::net::ApiError;
using nemo::net::Envelope;

Q_DECLARE_METATYPE(ApiError::Kind)

class TestEnvelope final : public QObject
{
    Q_OBJECT

private slots:
    void decode_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ApiError::Kind>("kind");
        QTest::addColumn<QString>("dataKey");

        const auto row = [](const char *name, int status, const QByteArray &body, ApiError::Kind kind,
                            const char *key) {
            QTest::newRow(name) << status << body << kind << QString::fromLatin1(key);
        };
        row("code 0", 200, "{\"code\":0,\"data\":{\"token\":\"t\"}}", ApiError::Kind::None, "token");
        row("code 0 as string", 200, "{\"code\":\"0\",\"data\":{\"token\":\"t\"}}", ApiError::Kind::None,
            "token");
        row("1001 with 200", 200, "{\"code\":1001,\"message\":\"expired\"}", ApiError::Kind::TokenExpired,
            "");
        row("1001 with 401", 401, "{\"code\":1001,\"message\":\"expired\"}", ApiError::Kind::TokenExpired,
            "");
        row("1002", 200, "{\"code\":1002}", ApiError::Kind::SessionNotFound, "");
        row("1002 with 404", 404, "{\"code\":1002}", ApiError::Kind::SessionNotFound, "");
        row("2001", 200, "{\"code\":2001,\"message\":\"no credits\"}", ApiError::Kind::NoCredits, "");
        row("2001 with 402 is credits", 402, "{\"code\":2001}", ApiError::Kind::NoCredits, "");
        row("4001", 200, "{\"code\":4001}", ApiError::Kind::UnsupportedFile, "");
        row("4002", 413, "{\"code\":4002}", ApiError::Kind::FileTooLarge, "");
        row("unknown code", 200, "{\"code\":9999,\"message\":\"?\"}", ApiError::Kind::Server, "");
        row("http 400", 400, "{\"code\":400,\"message\":\"Missing X-Client-Id\"}", ApiError::Kind::BadRequest,
            "");
        row("http 402", 402, "{\"message\":\"blocked\"}", ApiError::Kind::ExportBlocked, "");
        row("http 402 no body", 402, "", ApiError::Kind::ExportBlocked, "");
        row("http 429", 429, "{\"code\":429}", ApiError::Kind::RateLimited, "");
        row("http 429 html", 429, "<html>slow down</html>", ApiError::Kind::RateLimited, "");
        row("http 500 html", 500, "<html>oops</html>", ApiError::Kind::Server, "");
        row("http 503 empty", 503, "", ApiError::Kind::Server, "");
        row("http 404 fastapi", 404, "{\"detail\":\"Not Found\"}", ApiError::Kind::NotFound, "");
        row("success wrapper", 200, "{\"success\":true,\"data\":{\"id\":\"render_1\"}}", ApiError::Kind::None,
            "id");
        row("success false", 200, "{\"success\":false,\"error\":\"bad draft\"}", ApiError::Kind::Other, "");
        row("success false 409", 409, "{\"success\":false,\"error\":\"exists\"}", ApiError::Kind::Conflict,
            "");
        row("top level render", 200, "{\"taskId\":\"render_1\",\"status\":\"completed\"}",
            ApiError::Kind::None, "taskId");
        row("malformed", 200, "{\"code\":0,\"data\":", ApiError::Kind::BadResponse, "");
        row("truncated", 200, "{\"code\":0,\"da", ApiError::Kind::BadResponse, "");
        row("not an object", 200, "[1,2,3]", ApiError::Kind::BadResponse, "");
        row("empty 200", 200, "", ApiError::Kind::BadResponse, "");
        row("code 0 but http 500", 500, "{\"code\":0}", ApiError::Kind::Server, "");
        row("fractional code", 200, "{\"code\":1.5}", ApiError::Kind::None, "");
    }

    void decode()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(ApiError::Kind, kind);
        QFETCH(QString, dataKey);
        const auto result = Envelope::decode(status, body);
        QCOMPARE(result.error.kind(), kind);
        QCOMPARE(result.ok(), kind == ApiError::Kind::None);
        if (!dataKey.isEmpty())
            QVERIFY(result.data.contains(dataKey));
        if (result.error)
            QVERIFY(!result.error.message().isEmpty());
    }

    void serverMessageIsKept()
    {
        const auto result =
            Envelope::decode(200, "{\"code\":4001,\"message\":\"Unsupported file type: a.exe\"}");
        QCOMPARE(result.error.serverMessage(), QStringLiteral("Unsupported file type: a.exe"));
        QCOMPARE(result.error.code(), 4001);
        QCOMPARE(result.error.httpStatus(), 200);
    }

    void noCreditsCarriesUserId()
    {
        const auto result = Envelope::decode(200, "{\"code\":2001,\"data\":{\"user_id\":\"anon_abc\"}}");
        QCOMPARE(result.error.userId(), QStringLiteral("anon_abc"));
        QCOMPARE(result.error.actionUrl(),
                 QUrl(QStringLiteral("https://nemovideo.com/register?bind=anon_abc")));
        QVERIFY(
            result.error.message().contains(QLatin1String("https://nemovideo.com/register?bind=anon_abc")));
    }

    void messages()
    {
        ApiError registered(ApiError::Kind::NoCredits);
        registered.setUserId(QStringLiteral("user_42"));
        QVERIFY(registered.message().contains(QLatin1String("Top up")));
        QVERIFY(!registered.message().contains(QLatin1String("register?bind")));

        const ApiError blocked(ApiError::Kind::ExportBlocked);
        QVERIFY(blocked.message().contains(QLatin1String("Register or upgrade your plan to unlock export")));
        QVERIFY(blocked.message().contains(QLatin1String("not your credits")));

        const ApiError unsupported(ApiError::Kind::UnsupportedFile);
        QVERIFY(unsupported.message().contains(
            QLatin1String("mp4, mov, avi, webm, mkv, jpg, png, gif, webp, mp3, wav, m4a, aac")));

        QVERIFY(ApiError(ApiError::Kind::FileTooLarge).message().contains(QLatin1String("Compress")));
        QVERIFY(ApiError(ApiError::Kind::RateLimited).isTransient());
        QVERIFY(!ApiError(ApiError::Kind::ExportBlocked).isTransient());
        QVERIFY(ApiError().message().isEmpty());
    }

    void messagesNeverCarryJson()
    {
        const auto result =
            Envelope::decode(500, "{\"code\":500,\"message\":\"x\",\"data\":{\"token\":\"nmv_usr_secret\"}}");
        QVERIFY(!result.error.message().contains(QLatin1String("nmv_usr_secret")));
        QVERIFY(!result.error.message().contains(QLatin1Char('{')));
    }
};

QTEST_GUILESS_MAIN(TestEnvelope)
#include "tst_envelope.moc"
