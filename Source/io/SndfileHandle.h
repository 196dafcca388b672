// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to partita_io and partita_state (its in-memory codec): the one
// place that includes sndfile.h, so that the Windows wide-path opening and
// the handle's closing live in one spot.

#if defined(_WIN32)
#define ENABLE_SNDFILE_WINDOWS_PROTOTYPES 1
#include <windows.h>
#endif
#include <sndfile.h>

#include <filesystem>
#include <memory>
#include <string>

namespace partita::detail
{

struct SndfileCloser
{
    void operator() (SNDFILE* file) const noexcept { sf_close (file); }
};

/** Owns an open libsndfile handle; closes it on every path out. */
using SndfileHandle = std::unique_ptr<SNDFILE, SndfileCloser>;

/** sf_open, with wide paths on Windows so that non-ASCII names open there too. */
SndfileHandle openSndfile (const std::filesystem::path& path, int mode, SF_INFO& info) noexcept;

/** libsndfile's last error text, made into a lower-case phrase without the
    "Error : " prefix or trailing full stop, so it fits inside our own sentence. */
std::string sndfileErrorPhrase (SNDFILE* file);

} // namespace partita::detail
