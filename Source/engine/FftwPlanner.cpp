// SPDX-License-Identifier: GPL-3.0-or-later
#include "FftwPlanner.h"

#include <fftw3.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <unistd.h>

namespace partita::fftwPlanner
{
namespace
{
std::mutex& plannerMutex()
{
    static std::mutex mutex;
    return mutex;
}

std::filesystem::path wisdomFile()
{
    if (const char* configured = std::getenv ("PARTITA_FFTW_WISDOM"))
        return std::string (configured) == "off" ? std::filesystem::path() : std::filesystem::path (configured);
    if (const char* cache = std::getenv ("XDG_CACHE_HOME"); cache != nullptr && *cache != '\0')
        return std::filesystem::path (cache) / "partita" / "fftw3f.wisdom";
    if (const char* home = std::getenv ("HOME"); home != nullptr && *home != '\0')
        return std::filesystem::path (home) / ".cache" / "partita" / "fftw3f.wisdom";
    return {};
}

/** Called with the planner lock held. */
void importWisdomOnce()
{
    static bool imported = false;
    if (imported)
        return;
    imported = true;
    // A measured plan may not take longer than this to find; FFTW keeps the
    // best candidate found by then.
    fftwf_set_timelimit (1.0);
    if (const auto file = wisdomFile(); !file.empty())
        fftwf_import_wisdom_from_filename (file.string().c_str());
}
} // namespace

std::unique_lock<std::mutex> lock()
{
    std::unique_lock<std::mutex> held (plannerMutex());
    importWisdomOnce();
    return held;
}

unsigned flags (FftPlanning planning) noexcept
{
    return planning == FftPlanning::measure ? FFTW_MEASURE : FFTW_ESTIMATE;
}

bool remembers (FftPlanning planning) noexcept
{
    return planning == FftPlanning::measure || planning == FftPlanning::estimateRemembered;
}

unsigned wisdomOnly() noexcept
{
    return FFTW_WISDOM_ONLY;
}

std::filesystem::path wisdomPath()
{
    return wisdomFile();
}

void replaceFile (const std::filesystem::path& file, std::string_view text)
{
    std::error_code error;
    std::filesystem::create_directories (file.parent_path(), error);
    const auto temporary = file.string() + ".tmp-" + std::to_string (::getpid());
    {
        std::ofstream stream (temporary, std::ios::binary | std::ios::trunc);
        stream << text;
        if (!stream)
        {
            stream.close();
            std::filesystem::remove (temporary, error);
            return;
        }
    }
    std::filesystem::rename (temporary, file, error);
    if (error)
        std::filesystem::remove (temporary, error);
}

void saveWisdom()
{
    const auto file = wisdomFile();
    if (file.empty())
        return;
    const std::unique_ptr<char, decltype (&std::free)> text (fftwf_export_wisdom_to_string(), &std::free);
    if (text != nullptr)
        replaceFile (file, text.get());
}

} // namespace partita::fftwPlanner
