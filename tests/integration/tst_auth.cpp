// Tokens and sessions against the local server: anonymous sign-in, stored and environment tokens,
// and each recovery rule of the contract (1001, 400, 429, 1002), each applied once.
#include "agent/session.h"
#include "auth/authenticator.h"
#include "auth/filesecretstore.h"
#include "auth/memorysecretstore.h"
#include "harness.h"
#include "media/uploadjob.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace nemo;
using namespace nemo::test;
using net::ApiError;

namespace {

int issued(const Harness &h)
{
    return h.server.stats().value(QLatin1String("tokensIssued")).toInt();
}

QString storedToken(const auth::MemorySecretStore &secrets, const QString &key)
{
    QString value;
    QObject context;
    bool done = false;
    const_cast<auth::MemorySecretStore &>(secrets).read(key, &context, [&](const auth::SecretResult &result) {
        value = result.value;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }))
        return QString();
    return QJsonDocument::fromJson(value.toUtf8()).object().value(QLatin1String("token")).toString();
}

} // namespace

class TestAuth final : public QObject
{
    Q_OBJECT

private slots:
    void anonymousTokenOnFirstUse()
    {
        Harness h;
        auto query = keep(h.service->fetchCredits());
        QVERIFY(finish(query.get()));
        QVERIFY2(!query->error(), qPrintable(query->error().message()));
        QCOMPARE(query->credits().available, 100);
        QCOMPARE(issued(h), 1);
        auth::Authenticator *auth = h.service->auth();
        QCOMPARE(auth->source(), auth::Authenticator::Source::Anonymous);
        QVERIFY(auth->userId().startsWith(QLatin1String("anon_")));
        QCOMPARE(auth->daysLeft(), 7); // a fresh 7-day sign-in, counted up
        QVERIFY(h.secrets.keys().contains(auth->tokenKey()));
        QVERIFY(h.secrets.keys().contains(auth::Authenticator::clientIdKey()));
        QVERIFY(storedToken(h.secrets, auth->tokenKey()).startsWith(QLatin1String("nmv_usr_")));
    }

    void storedTokenIsReused()
    {
        Harness h;
        QVERIFY(finish(keep(h.service->fetchCredits()).get()));
        // A second run of the app: same secrets, new client object.
        client::Service again(h.service->config(), &h.secrets);
        auto query = keep(again.fetchCredits());
        QVERIFY(finish(query.get()));
        QVERIFY(!query->error());
        QCOMPARE(issued(h), 1);
        QCOMPARE(again.auth()->source(), auth::Authenticator::Source::Stored);
    }

    void fileStoreKeepsTheSignInForTheOwnerOnly()
    {
        // The explicit, labelled choice when no keychain service is available.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config/secrets.json"));
        Harness h;
        {
            auth::FileSecretStore file(path);
            QVERIFY(file.displayName().contains(QLatin1String("unencrypted")));
            client::Service first(h.service->config(), &file);
            QVERIFY(finish(keep(first.fetchCredits()).get()));
        }
        const QFileDevice::Permissions permissions = QFileInfo(path).permissions();
        QVERIFY(permissions.testFlag(QFileDevice::ReadOwner) &&
                permissions.testFlag(QFileDevice::WriteOwner));
        QCOMPARE(permissions &
                     (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                      QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther),
                 QFileDevice::Permissions());
        auth::FileSecretStore file(path);
        client::Service again(h.service->config(), &file);
        auto query = keep(again.fetchCredits());
        QVERIFY(finish(query.get()));
        QVERIFY(!query->error());
        QCOMPARE(issued(h), 1);
        QCOMPARE(again.auth()->source(), auth::Authenticator::Source::Stored);
        // A damaged file is an error to report, not an empty store to overwrite.
        QFile damaged(path);
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write(QByteArray(2 * 1024 * 1024, 'x'));
        damaged.close();
        bool failed = false;
        bool done = false;
        file.read(QStringLiteral("anything"), this, [&](const auth::SecretResult &r) {
            failed = !r.ok && !r.error.isEmpty();
            done = true;
        });
        QTRY_VERIFY(done);
        QVERIFY(failed);
    }

    void environmentTokenWinsAndIsNeverStored()
    {
        Harness h;
        QVERIFY(finish(keep(h.service->fetchCredits()).get()));
        const QString token = storedToken(h.secrets, h.service->auth()->tokenKey());
        auth::MemorySecretStore empty;
        client::Service withEnvironment(h.service->config(), &empty);
        withEnvironment.auth()->setEnvironmentToken(token);
        auto query = keep(withEnvironment.fetchCredits());
        QVERIFY(finish(query.get()));
        QVERIFY(!query->error());
        QCOMPARE(withEnvironment.auth()->source(), auth::Authenticator::Source::Environment);
        QVERIFY(empty.keys().isEmpty());
        QCOMPARE(issued(h), 1);
    }

    void rejectedEnvironmentTokenIsExplained()
    {
        Harness h;
        h.service->auth()->setEnvironmentToken(QStringLiteral("nmv_usr_not_valid"));
        auto query = keep(h.service->fetchCredits());
        QVERIFY(finish(query.get()));
        QCOMPARE(query->error().kind(), ApiError::Kind::TokenExpired);
        QVERIFY(query->error().message().contains(QLatin1String("NEMO_TOKEN")));
        QCOMPARE(issued(h), 0);
        QVERIFY(h.secrets.keys().isEmpty());
    }

    void expiredTokenIsRenewedAndReplayedOnce()
    {
        Harness h;
        fake::Fault expired = fault("credits", 1);
        expired.code = 1001;
        h.server.addFault(expired);
        auto query = keep(h.service->fetchCredits());
        QVERIFY(finish(query.get()));
        QVERIFY2(!query->error(), qPrintable(query->error().message()));
        QCOMPARE(issued(h), 2);
        QCOMPARE(h.server.callCount(QStringLiteral("credits")), 2);
    }

    void tokenRejectedTwiceStands()
    {
        Harness h;
        fake::Fault expired = fault("credits", 1, 2);
        expired.code = 1001;
        h.server.addFault(expired);
        auto query = keep(h.service->fetchCredits());
        QVERIFY(finish(query.get()));
        QCOMPARE(query->error().kind(), ApiError::Kind::TokenExpired);
        QCOMPARE(h.server.callCount(QStringLiteral("credits")), 2);
    }

    void expiredStoredTokenIsReplacedBeforeUse()
    {
        Harness h;
        QObject context;
        bool written = false;
        const QString key = h.service->auth()->tokenKey();
        h.secrets.write(key,
                        QStringLiteral("{\"token\":\"nmv_usr_old\",\"user_id\":\"anon_old\",\"expires_at\":"
                                       "\"2020-01-01T00:00:00Z\"}"),
                        &context, [&](const auth::SecretResult &) { written = true; });
        QTRY_VERIFY(written);
        auto query = keep(h.service->fetchCredits());
        QVERIFY(finish(query.get()));
        QVERIFY(!query->error());
        QCOMPARE(issued(h), 1);
        QCOMPARE(h.server.callCount(QStringLiteral("credits")), 1); // the old token was never sent
        QVERIFY(storedToken(h.secrets, key) != QLatin1String("nmv_usr_old"));
    }

    void missingClientIdGetsANewOne()
    {
        Harness h;
        fake::Fault badRequest = fault("token", 1);
        badRequest.httpStatus = 400;
        h.server.addFault(badRequest);
        auto query = keep(h.service->fetchCredits());
        QVERIFY(finish(query.get()));
        QVERIFY2(!query->error(), qPrintable(query->error().message()));
        QCOMPARE(h.server.callCount(QStringLiteral("token")), 2);
        QCOMPARE(issued(h), 1);
    }

    void rateLimitedTokenWaitsAndRetriesOnce()
    {
        Harness h;
        fake::Fault limited = fault("token", 1);
        limited.httpStatus = 429;
        h.server.addFault(limited);
        QElapsedTimer clock;
        clock.start();
        auto query = keep(h.service->fetchCredits());
        QVERIFY(finish(query.get()));
        QVERIFY(!query->error());
        QVERIFY(clock.elapsed() >= 190);
        QCOMPARE(h.server.callCount(QStringLiteral("token")), 2);
    }

    void rateLimitedTwiceStands()
    {
        Harness h;
        fake::Fault limited = fault("token", 1, 2);
        limited.httpStatus = 429;
        h.server.addFault(limited);
        auto query = keep(h.service->fetchCredits());
        QVERIFY(finish(query.get()));
        QCOMPARE(query->error().kind(), ApiError::Kind::RateLimited);
        QCOMPARE(h.server.callCount(QStringLiteral("token")), 2);
    }

    void rateLimitedRequestRetriesOnce()
    {
        Harness h;
        fake::Fault limited = fault("credits", 1);
        limited.httpStatus = 429;
        h.server.addFault(limited);
        auto query = keep(h.service->fetchCredits());
        QVERIFY(finish(query.get()));
        QVERIFY(!query->error());
        QCOMPARE(h.server.callCount(QStringLiteral("credits")), 2);
    }

    void concurrentJobsShareOneSignIn()
    {
        Harness h;
        auto a = keep(h.service->fetchCredits());
        auto b = keep(h.service->fetchCredits());
        auto c = keep(h.service->fetchState());
        QVERIFY(finish(a.get()) && finish(b.get()) && finish(c.get()));
        QVERIFY(!a->error() && !b->error() && !c->error());
        QCOMPARE(issued(h), 1);
        QCOMPARE(h.server.callCount(QStringLiteral("session")), 1);
    }

    void signOutForgetsTheIdentity()
    {
        Harness h;
        QVERIFY(finish(keep(h.service->fetchCredits()).get()));
        const QString firstUser = h.service->auth()->userId();
        bool done = false;
        h.service->auth()->signOut(this, [&](const ApiError &error) {
            QVERIFY(!error);
            done = true;
        });
        QTRY_VERIFY(done);
        QVERIFY(!h.secrets.keys().contains(h.service->auth()->tokenKey()));
        QVERIFY(!h.service->auth()->hasToken());
        auto query = keep(h.service->fetchCredits());
        QVERIFY(finish(query.get()));
        QVERIFY2(!query->error(), qPrintable(query->error().message()));
        QVERIFY(h.service->auth()->userId() != firstUser);
        QCOMPARE(issued(h), 2);
    }

    void failingKeychainIsReportedButWorks()
    {
        Harness h;
        h.secrets.setFailing(true);
        QSignalSpy problems(h.service->auth(), &auth::Authenticator::storageProblem);
        auto query = keep(h.service->fetchCredits());
        QVERIFY(finish(query.get()));
        QVERIFY(!query->error());
        QVERIFY(problems.count() >= 1);
    }

    void sessionIsCreatedInTheUsersLanguage()
    {
        Harness h;
        h.reconfigure([](net::ServiceConfig &config) { config.language = QStringLiteral("zh-CN"); });
        bool ready = false;
        h.service->session()->ensure(this, [&](const ApiError &error) {
            QVERIFY(!error);
            ready = true;
        });
        QTRY_VERIFY(ready);
        QCOMPARE(h.service->session()->info().language, QStringLiteral("zh-CN"));
        QVERIFY(!h.service->session()->info().sessionId.isEmpty());
        QVERIFY(h.service->session()->info().userId.startsWith(QLatin1String("anon_")));
    }

    void lostSessionIsReplacedAndReplayedOnce()
    {
        Harness h;
        auto first = keep(h.service->fetchState());
        QVERIFY(finish(first.get()));
        const QString old = h.service->session()->info().sessionId;
        fake::Fault lost = fault("state", 2);
        lost.code = 1002;
        h.server.addFault(lost);
        QSignalSpy replaced(h.service->session(), &agent::Session::replaced);
        auto second = keep(h.service->fetchState());
        QVERIFY(finish(second.get()));
        QVERIFY2(!second->error(), qPrintable(second->error().message()));
        QCOMPARE(replaced.count(), 1);
        QCOMPARE(replaced.first().at(0).toString(), old);
        QVERIFY(h.service->session()->info().sessionId != old);
        QCOMPARE(second->state().sessionId, h.service->session()->info().sessionId);
        QCOMPARE(h.server.callCount(QStringLiteral("session")), 2);
    }

    void sessionLostTwiceStands()
    {
        Harness h;
        fake::Fault lost = fault("state", 1, 2);
        lost.code = 1002;
        h.server.addFault(lost);
        auto query = keep(h.service->fetchState());
        QVERIFY(finish(query.get()));
        QCOMPARE(query->error().kind(), ApiError::Kind::SessionNotFound);
    }

    void restoredSessionIsKept()
    {
        Harness h;
        QVERIFY(finish(keep(h.service->fetchState()).get()));
        const agent::SessionInfo info = h.service->session()->info();
        client::Service again(h.service->config(), &h.secrets);
        again.session()->restore(info);
        auto query = keep(again.fetchState());
        QVERIFY(finish(query.get()));
        QVERIFY(!query->error());
        QCOMPARE(again.session()->info(), info);
        QCOMPARE(h.server.callCount(QStringLiteral("session")), 1);
    }

    void attributionOnEveryRequest()
    {
        Harness h;
        QVERIFY(finish(keep(h.service->fetchCredits()).get()));
        QVERIFY(finish(keep(h.service->fetchState()).get()));
        QVERIFY(finish(keep(h.service->upload({QStringLiteral(NEMO_TEST_DATA_DIR "/photo1.jpg")})).get()));
        QVERIFY(h.server.stats().value(QLatin1String("requests")).toInt() >= 5);
        QCOMPARE(h.server.stats().value(QLatin1String("missingAttribution")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "auth/creditsquery.h"
#include "tst_auth.moc"
