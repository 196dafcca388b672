// SPDX-License-Identifier: GPL-3.0-or-later
#include "BrowserEntry.h"

namespace partita
{

BrowserEntry BrowserEntry::fromScanned (const ScannedIrFile& scanned)
{
    BrowserEntry entry;
    entry.source = Source::file;
    entry.key = fileKey (scanned.path);
    entry.path = scanned.path;
    entry.root = scanned.root;
    entry.name = scanned.path.stem().string();
    if (scanned.path != scanned.root)
    {
        const auto folder = scanned.path.parent_path().lexically_relative (scanned.root).generic_string();
        entry.location = folder == "." ? std::string {} : folder;
    }
    else
    {
        entry.name = scanned.path.filename().string();
    }
    entry.readable = scanned.readable;
    entry.reason = scanned.reason;
    entry.hasFacts = scanned.readable;
    entry.facts = scanned.facts;
    return entry;
}

} // namespace partita
