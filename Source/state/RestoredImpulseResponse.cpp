// SPDX-License-Identifier: GPL-3.0-or-later
#include "RestoredImpulseResponse.h"

#include "ContentHash.h"

#include <exception>
#include <optional>

namespace partita
{
namespace
{
struct FileAttempt
{
    std::shared_ptr<const AudioClip> audio;
    std::string failure;
};

FileAttempt tryOriginalFile (const SavedImpulseResponse& saved, const AudioReadLimits& limits)
{
    if (saved.originalPath.empty())
        return { nullptr, "no file path was saved with it" };

    try
    {
        auto clip = readAudioFile (pathFromUtf8 (saved.originalPath), limits);
        if (clip.numFrames() == 0)
            return { nullptr, "its file '" + saved.originalPath + "' holds no samples" };
        return { std::make_shared<const AudioClip> (std::move (clip)), {} };
    }
    catch (const std::exception& error)
    {
        return { nullptr, error.what() };
    }
}

std::string nameOf (const SavedImpulseResponse& saved)
{
    return saved.name.empty() ? std::string { "the saved IR" } : "the saved IR '" + saved.name + "'";
}

bool matches (const std::shared_ptr<const AudioClip>& audio, const std::optional<std::uint64_t>& hash)
{
    return audio != nullptr && hash.has_value() && contentHash (*audio) == *hash;
}
} // namespace

RestoredImpulseResponse restoreImpulseResponse (const SavedImpulseResponse& saved, const AudioReadLimits& limits)
{
    RestoredImpulseResponse restored;
    restored.name = saved.name;
    restored.originalPath = saved.originalPath;
    restored.layoutHint = saved.layoutHint;

    if (matches (saved.audio, saved.contentHash))
    {
        restored.audio = saved.audio;
        return restored;
    }

    const auto file = tryOriginalFile (saved, limits);
    if (matches (file.audio, saved.contentHash))
    {
        restored.audio = file.audio;
        restored.problem =
            nameOf (saved) + " was damaged in the session; it was read again from '" + saved.originalPath + "'";
        return restored;
    }

    if (saved.audio != nullptr)
    {
        restored.audio = saved.audio;
        if (saved.contentHash.has_value())
            restored.problem = nameOf (saved) + " does not match its fingerprint and may be damaged";
        return restored;
    }

    if (file.audio != nullptr)
    {
        restored.audio = file.audio;
        restored.problem =
            saved.contentHash.has_value()
                ? nameOf (saved) + " was missing from the session; '" + saved.originalPath
                      + "' was loaded instead but has changed since the session was saved"
                : nameOf (saved) + " was missing from the session; it was read again from '" + saved.originalPath + "'";
        return restored;
    }

    restored.problem =
        saved.audioCutOff && saved.originalPath.empty()
            ? nameOf (saved) + " could not be restored: the state is cut off before its audio"
        : saved.audioCutOff
            ? nameOf (saved) + " could not be restored: the state is cut off before its audio, and " + file.failure
            : nameOf (saved) + " could not be restored: " + file.failure;
    return restored;
}

std::filesystem::path pathFromUtf8 (const std::string& text)
{
    return std::filesystem::path (std::u8string (text.begin(), text.end()));
}

std::string utf8FromPath (const std::filesystem::path& path)
{
    const auto text = path.u8string();
    return { text.begin(), text.end() };
}

} // namespace partita
