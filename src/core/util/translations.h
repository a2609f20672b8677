#pragma once

#include <QObject>
#include <QTranslator>

namespace nemo::util {

// The interface language of the app and the CLI: the system's by default, or the one chosen in Settings,
// switched at run time (widgets retranslate on QEvent::LanguageChange). Nemo Studio's own strings
// (built into the binary under :/i18n) and Qt's are loaded.
class Translations : public QObject
{
    Q_OBJECT
public:
    explicit Translations(QObject *parent = nullptr);

    // "" = the system language; otherwise a locale name such as "zh_CN" or "en".
    void apply(const QString &language);
    QString current() const { return m_current; }
    static QStringList available();

private:
    QTranslator m_app;
    QTranslator m_qt;
    QString m_current;
};

} // namespace nemo::util
