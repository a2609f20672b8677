// Secrets in the real OS keychain (Secret Service under dbus-run-session with gnome-keyring on CI).
#include "auth/keychainsecretstore.h"
#include "harness.h"
#include "requirements.h"

#include <QUuid>

using namespace nemo;
using namespace nemo::test;

namespace {

// Without a keychain the test cannot run; ./scripts/test provides one and sets NEMO_REQUIRE_KEYCHAIN
// so that a missing keychain there is a failure, never a silent pass.
bool keychainAvailable(QString *why)
{
#if defined(Q_OS_LINUX)
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        *why = QStringLiteral(
            "no D-Bus session bus (run under dbus-run-session with gnome-keyring, as ./scripts/test does)");
        return false;
    }
#endif
    Q_UNUSED(why)
    return true;
}

struct Operation
{
    auth::SecretResult result;
    bool done = false;
};

} // namespace

class TestKeychain final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString why;
        const bool available = keychainAvailable(&why);
        NEMO_REQUIRE(available, why);
        m_service = QStringLiteral("NemoStudioTest-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    void writeReadRemove()
    {
        auth::KeychainSecretStore store(m_service);
        QVERIFY(store.isPersistent());
        Operation write;
        store.write(QStringLiteral("token@test"), QStringLiteral("{\"token\":\"nmv_usr_test\"}"), this,
                    [&](const auth::SecretResult &r) {
                        write.result = r;
                        write.done = true;
                    });
        QTRY_VERIFY_WITH_TIMEOUT(write.done, 15000);
        QVERIFY2(write.result.ok, qPrintable(write.result.error));

        // A new store object reads what the first one wrote: it lives in the keychain, not in memory.
        auth::KeychainSecretStore again(m_service);
        Operation read;
        again.read(QStringLiteral("token@test"), this, [&](const auth::SecretResult &r) {
            read.result = r;
            read.done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(read.done, 15000);
        QVERIFY2(read.result.ok, qPrintable(read.result.error));
        QCOMPARE(read.result.value, QStringLiteral("{\"token\":\"nmv_usr_test\"}"));

        Operation remove;
        again.remove(QStringLiteral("token@test"), this, [&](const auth::SecretResult &r) {
            remove.result = r;
            remove.done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(remove.done, 15000);
        QVERIFY(remove.result.ok);
        Operation gone;
        again.read(QStringLiteral("token@test"), this, [&](const auth::SecretResult &r) {
            gone.result = r;
            gone.done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(gone.done, 15000);
        QVERIFY(gone.result.notFound);
    }

    void operationsRunInOrder()
    {
        auth::KeychainSecretStore store(m_service);
        QStringList order;
        for (int i = 0; i < 10; ++i) {
            store.write(QStringLiteral("k"), QString::number(i), this,
                        [&order, i](const auth::SecretResult &r) {
                            order.append(r.ok ? QStringLiteral("w%1").arg(i) : QStringLiteral("fail"));
                        });
            store.read(QStringLiteral("k"), this, [&order](const auth::SecretResult &r) {
                order.append(QStringLiteral("r") + r.value);
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 20, 30000);
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(order.at(2 * i), QStringLiteral("w%1").arg(i));
            QCOMPARE(order.at(2 * i + 1), QStringLiteral("r%1").arg(i));
        }
        bool removed = false;
        store.remove(QStringLiteral("k"), this, [&](const auth::SecretResult &) { removed = true; });
        QTRY_VERIFY_WITH_TIMEOUT(removed, 15000);
    }

    void signInIsRememberedAcrossRuns()
    {
        fake::FakeServer server;
        server.setScenario(quickScenario());
        QVERIFY(server.listen());
        {
            auth::KeychainSecretStore store(m_service);
            client::Service service(quickConfig(server.baseUrl()), &store);
            auto query = keep(service.fetchCredits());
            QVERIFY(finish(query.get(), 30000));
            QVERIFY2(!query->error(), qPrintable(query->error().message()));
            QVERIFY(store.flush());
        }
        auth::KeychainSecretStore store(m_service);
        client::Service service(quickConfig(server.baseUrl()), &store);
        auto query = keep(service.fetchCredits());
        QVERIFY(finish(query.get(), 30000));
        QVERIFY(!query->error());
        QCOMPARE(service.auth()->source(), auth::Authenticator::Source::Stored);
        QCOMPARE(server.stats().value(QLatin1String("tokensIssued")).toInt(), 1);
        bool signedOut = false;
        service.auth()->signOut(this, [&](const net::ApiError &) { signedOut = true; });
        QTRY_VERIFY_WITH_TIMEOUT(signedOut, 15000);
        QVERIFY(store.flush());
    }

    void storeGoingAwayMidOperationIsSafe()
    {
        // The app may close while the keychain is busy: the job finishes on its own, nothing crashes.
        bool called = false;
        {
            auth::KeychainSecretStore store(m_service);
            store.write(QStringLiteral("short-lived"), QStringLiteral("x"), this,
                        [&](const auth::SecretResult &) { called = true; });
        }
        // The write still reaches the keychain: a new store reads it back (once the write is through).
        auth::KeychainSecretStore store(m_service);
        QString value;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                Operation read;
                store.read(QStringLiteral("short-lived"), this, [&](const auth::SecretResult &r) {
                    read.result = r;
                    read.done = true;
                });
                if (!QTest::qWaitFor([&] { return read.done; }, 5000))
                    return false;
                value = read.result.value;
                return read.result.ok && value == QLatin1String("x");
            }(),
            15000);
        QCOMPARE(value, QStringLiteral("x"));
        QVERIFY(!called); // the first store's callback died with it
        bool removed = false;
        store.remove(QStringLiteral("short-lived"), this,
                     [&](const auth::SecretResult &) { removed = true; });
        QTRY_VERIFY_WITH_TIMEOUT(removed, 15000);
    }

private:
    QString m_service;
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
