// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StatusMessage.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace partita
{

/** The editor's message line: what just happened to the IR or the session, in
    words, in red when it went wrong. Screen readers read it as a label.

    Threading: message thread. */
class MessageBar final : public juce::Component
{
public:
    MessageBar();

    void show (const StatusMessage::Snapshot& message);
    [[nodiscard]] juce::String text() const { return label.getText(); }

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    juce::Label label;
    StatusMessage::Severity severity = StatusMessage::Severity::information;
};

} // namespace partita
