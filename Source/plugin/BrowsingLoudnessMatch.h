// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <juce_audio_processors/juce_audio_processors.h>

#include <atomic>

namespace partita
{

/** "Loudness match on by default while browsing": the browser calls
    browsingStarted() when the user starts stepping through IRs, which turns
    the loudnessMatch parameter on, unless the user has set it in this
    instance (on or off, by its control: a change gesture), which is then
    left as the user chose. The parameter is a real one, saved with the
    session, so a session sounds after browsing as it did while browsing.

    Threading: message thread. */
class BrowsingLoudnessMatch : private juce::AudioProcessorParameter::Listener
{
public:
    explicit BrowsingLoudnessMatch (juce::RangedAudioParameter& loudnessMatch);
    ~BrowsingLoudnessMatch() override;
    BrowsingLoudnessMatch (const BrowsingLoudnessMatch&) = delete;
    BrowsingLoudnessMatch& operator= (const BrowsingLoudnessMatch&) = delete;

    /** The user starts stepping through IRs: loudness matching on, unless
        the user has set it. Returns whether it is on afterwards. */
    bool browsingStarted();

    /** Whether the user has set the parameter by its control in this instance. */
    [[nodiscard]] bool userHasChosen() const noexcept { return chosenByUser.load(); }

private:
    void parameterValueChanged (int, float) override {}
    void parameterGestureChanged (int, bool gestureIsStarting) override;

    juce::RangedAudioParameter& parameter;
    std::atomic<bool> chosenByUser { false };
    /** Set while browsingStarted() itself changes the parameter. */
    bool settingItself = false;
};

} // namespace partita
