#pragma once

#include <QString>

namespace nemo::util {

// The environment variables the window and nemo-cli read, read in one place.
class Environment
{
public:
    // NEMO_API_BASE: the server to talk to, unless the command line names one.
    static QString baseUrl();
    // NEMO_TOKEN: a sign-in that wins over any stored one and is never stored.
    static QString token();
    // NEMO_KEYCHAIN_SERVICE: the keychain entry's service name (default "NemoStudio"; tests use their own).
    static QString keychainService();
    // NEMO_MELT: the melt program to render with, instead of the one beside the app or on PATH.
    static QString melt();
};

} // namespace nemo::util
