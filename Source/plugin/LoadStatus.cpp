// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoadStatus.h"

#include <juce_core/juce_core.h>

namespace partita
{

namespace
{
std::string describeLoaded (const ImpulseResponseInfo& info)
{
    return "Loaded '" + info.name + "': " + describeChannelLayout (info) + ", "
           + juce::String (info.originalSampleRate, 0).toStdString() + " Hz, "
           + describeDuration (info.originalSeconds());
}
} // namespace

LoadStatus::LoadStatus (StatusMessage& messageBar)
    : bar (messageBar)
{
}

void LoadStatus::loading (const std::string& name, std::string message)
{
    {
        const std::scoped_lock guard (lock);
        awaitedName = name;
        awaitedSetNote.clear();
    }
    bar.set (std::move (message), StatusMessage::Severity::information);
}

void LoadStatus::read (const std::string& name, const std::string& path, const std::string& setNote)
{
    const std::scoped_lock guard (lock);
    awaitedName = name;
    awaitedSetNote = setNote;
    if (!path.empty())
        filesRead.push_back (path);
}

void LoadStatus::stopAwaiting()
{
    const std::scoped_lock guard (lock);
    awaitedName.clear();
}

void LoadStatus::failed (std::string message)
{
    stopAwaiting();
    bar.set (std::move (message), StatusMessage::Severity::error);
}

void LoadStatus::processorChanged (const ConvolverProcessor& processor, const std::string& note)
{
    const auto error = processor.lastError();
    const std::scoped_lock guard (lock);
    if (!error.empty())
    {
        if (bar.snapshot().text != error)
            bar.set (error, StatusMessage::Severity::error);
        awaitedName.clear();
        return;
    }
    const auto info = processor.impulseResponseInfo();
    if (awaitedName.empty())
    {
        // A setting rebuilt the IR: only an IR channel it lacks is worth a line.
        if (info != nullptr && info->channelSelectionFellBack)
            if (const auto text = "'" + info->name + "': " + info->channelSelection; bar.snapshot().text != text)
                bar.set (text, StatusMessage::Severity::warning);
        return;
    }
    if (info != nullptr && info->name == awaitedName)
    {
        const auto fromSet = awaitedSetNote.empty() ? std::string {} : " (" + awaitedSetNote + ")";
        bar.set (describeLoaded (*info) + fromSet + note, info->channelSelectionFellBack
                                                              ? StatusMessage::Severity::warning
                                                              : StatusMessage::Severity::information);
        awaitedName.clear();
    }
    else if (info != nullptr && !info->slotBName.empty() && info->slotBName == awaitedName)
    {
        bar.set ("Loaded '" + info->slotBName + "' into slot B, blended with '" + info->name + "'" + note,
                 StatusMessage::Severity::information);
        awaitedName.clear();
    }
}

std::vector<std::string> LoadStatus::takeFilesRead()
{
    std::vector<std::string> files;
    const std::scoped_lock guard (lock);
    files.swap (filesRead);
    return files;
}

} // namespace partita
