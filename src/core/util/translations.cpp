#include "util/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace nemo::util {

Translations::Translations(QObject *parent)
    : QObject(parent)
{ }

QStringList Translations::available()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

void Translations::apply(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QCoreApplication::removeTranslator(&m_app);
    QCoreApplication::removeTranslator(&m_qt);
    // A language without a translation of its own (English, or one not offered) reads English, with
    // English plural forms ("1 segment", "2 segments"): the English file carries them.
    if (m_app.load(locale, QStringLiteral("nemostudio"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        m_app.load(QStringLiteral("nemostudio_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&m_app);
    if (m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    // Only the words change: dates, times and numbers stay as the system writes them (choosing English
    // on a system that writes 17:24 keeps 17:24).
    m_current = language;
}

} // namespace nemo::util
