// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageBar.h"

#include "PartitaLookAndFeel.h"

namespace partita
{
namespace
{
constexpr int sidePadding = 8;
constexpr float textHeightAtDefaultSize = 15.0f;
} // namespace

MessageBar::MessageBar()
{
    setTitle ("Messages");
    label.setBorderSize ({ 5, sidePadding, 5, sidePadding });
    setScale (1.0f);
    addAndMakeVisible (label);
}

void MessageBar::show (const StatusMessage::Snapshot& message)
{
    severity = message.severity;
    const auto prefix = severity == StatusMessage::Severity::error     ? juce::String ("Error: ")
                        : severity == StatusMessage::Severity::warning ? juce::String ("Warning: ")
                                                                       : juce::String();
    label.setText (prefix + juce::String::fromUTF8 (message.text.c_str()), juce::dontSendNotification);
    label.setColour (juce::Label::textColourId, severity == StatusMessage::Severity::error ? PartitaLookAndFeel::error
                                                : severity == StatusMessage::Severity::warning
                                                    ? PartitaLookAndFeel::warning
                                                    : PartitaLookAndFeel::text);
    label.setTooltip (label.getText());
    repaint();
}

void MessageBar::setScale (float scale)
{
    label.setFont (juce::Font (PartitaLookAndFeel::textHeight (textHeightAtDefaultSize, scale)));
}

int MessageBar::heightForWidth (int width) const
{
    return label.heightForWidth (width);
}

void MessageBar::paint (juce::Graphics& g)
{
    g.setColour (PartitaLookAndFeel::panel);
    g.fillRoundedRectangle (getLocalBounds().toFloat(), 4.0f);
    if (severity != StatusMessage::Severity::information)
    {
        g.setColour (severity == StatusMessage::Severity::error ? PartitaLookAndFeel::error
                                                                : PartitaLookAndFeel::warning);
        g.fillRect (getLocalBounds().removeFromLeft (4));
    }
}

void MessageBar::resized()
{
    label.setBounds (getLocalBounds());
}

} // namespace partita
