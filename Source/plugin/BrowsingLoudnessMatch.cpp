// SPDX-License-Identifier: GPL-3.0-or-later
#include "BrowsingLoudnessMatch.h"

namespace partita
{

BrowsingLoudnessMatch::BrowsingLoudnessMatch (juce::RangedAudioParameter& loudnessMatch)
    : parameter (loudnessMatch)
{
    parameter.addListener (this);
}

BrowsingLoudnessMatch::~BrowsingLoudnessMatch()
{
    parameter.removeListener (this);
}

bool BrowsingLoudnessMatch::browsingStarted()
{
    const bool on = parameter.getValue() >= 0.5f;
    if (on || chosenByUser.load())
        return on;
    // A gesture around the change, so that a host recording automation
    // records it as one edit; settingItself keeps it from counting as the
    // user's choice.
    settingItself = true;
    parameter.beginChangeGesture();
    parameter.setValueNotifyingHost (1.0f);
    parameter.endChangeGesture();
    settingItself = false;
    return true;
}

void BrowsingLoudnessMatch::parameterGestureChanged (int, bool gestureIsStarting)
{
    if (gestureIsStarting && !settingItself)
        chosenByUser = true;
}

} // namespace partita
