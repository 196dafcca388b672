// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusMessage.h"

#include <utility>

namespace partita
{

void StatusMessage::set (std::string text, Severity severity)
{
    // The bar has room for one line; libraries' messages sometimes have more.
    if (const auto newline = text.find_first_of ("\r\n"); newline != std::string::npos)
        text.resize (newline);

    const std::scoped_lock guard (lock);
    current.text = std::move (text);
    current.severity = severity;
    ++current.version;
}

StatusMessage::Snapshot StatusMessage::snapshot() const
{
    const std::scoped_lock guard (lock);
    return current;
}

} // namespace partita
