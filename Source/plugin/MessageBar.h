// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StatusMessage.h"
#include "WrappedLabel.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace partita
{

/** The editor's message line: what just happened to the IR or the session, in
    words, in red when it went wrong. A long message wraps onto more lines
    and the editor gives the bar their height (heightForWidth), so it is
    never cut off. Screen readers read it as a label.

    Threading: message thread. */
class MessageBar final : public juce::Component
{
public:
    MessageBar();

    void show (const StatusMessage::Snapshot& message);
    [[nodiscard]] juce::String text() const { return label.getText(); }

    /** The editor's scale (PartitaEditor::resized): sets the text's size. */
    void setScale (float scale);
    /** The height that shows the whole message at this width, one line at least. */
    [[nodiscard]] int heightForWidth (int width) const;

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    WrappedLabel label;
    StatusMessage::Severity severity = StatusMessage::Severity::information;
};

} // namespace partita
