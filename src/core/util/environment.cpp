#include "util/environment.h"

#include <QtGlobal>

namespace nemo::util {

QString Environment::baseUrl()
{
    return qEnvironmentVariable("NEMO_API_BASE");
}

QString Environment::token()
{
    return qEnvironmentVariable("NEMO_TOKEN");
}

QString Environment::keychainService()
{
    return qEnvironmentVariable("NEMO_KEYCHAIN_SERVICE", QStringLiteral("NemoStudio"));
}

QString Environment::melt()
{
    return qEnvironmentVariable("NEMO_MELT");
}

} // namespace nemo::util
