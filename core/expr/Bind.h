#pragma once

#include "Ast.h"
#include "Runtime.h"

// Shorthand for the member tables of the Bind*.cpp files.
#define SLUICE_FN                                                                                                 \
    []([[maybe_unused]] ::sluice::Frame & f, [[maybe_unused]] const ::sluice::CallSite &site,                     \
       [[maybe_unused]] const ::sluice::Value &self, [[maybe_unused]] ::sluice::Value *a) -> ::sluice::Value

namespace sluice::bind {

inline QString S(const char *latin1)
{
    return QString::fromLatin1(latin1);
}

} // namespace sluice::bind
