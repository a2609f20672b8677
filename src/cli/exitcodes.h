#pragma once

#include "net/apierror.h"

namespace nemo::cli {

// nemo-cli's exit codes, one per class of error (documented in docs/CLI.md and `nemo-cli --help`).
enum ExitCode : int
{
    Ok = 0,
    Failure = 1,
    Usage = 2,
    Auth = 3,
    NoCredits = 4,
    ExportBlocked = 5,
    BadInput = 6,
    Network = 7,
    Server = 8,
    ProjectInUse = 9,
    Storage = 10, // a file could not be written or read: the disk is full or read-only, a folder is missing
    Interrupted = 130,
};

inline int exitCodeFor(const net::ApiError &error)
{
    using Kind = net::ApiError::Kind;
    switch (error.kind()) {
    case Kind::None:
        return Ok;
    case Kind::TokenExpired:
    case Kind::BadRequest:
    case Kind::RateLimited:
    case Kind::Keychain:
        return Auth;
    case Kind::NoCredits:
        return NoCredits;
    case Kind::ExportBlocked:
        return ExportBlocked;
    case Kind::InvalidInput:
    case Kind::UnsupportedFile:
    case Kind::FileTooLarge:
        return BadInput;
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Insecure:
        return Network;
    case Kind::Cancelled:
        return Interrupted;
    case Kind::BadResponse:
    case Kind::SessionNotFound:
    case Kind::NotFound:
    case Kind::Conflict:
    case Kind::Server:
    case Kind::RenderFailed:
        return Server;
    case Kind::Storage:
        return Storage;
    case Kind::LocalRenderFailed:
    case Kind::Other:
        return Failure;
    }
    return Failure;
}

} // namespace nemo::cli
