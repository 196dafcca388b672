// SPDX-License-Identifier: GPL-3.0-or-later
#include "PluginEditor.h"

#include "PluginProcessor.h"

#include <algorithm>

namespace partita
{
namespace
{
/** The first file of a drop the editor can open, or none. */
juce::File firstOpenableFile (const juce::StringArray& files)
{
    for (const auto& path : files)
        if (const juce::File file (path); EditorFileActions::canOpen (file))
            return file;
    return {};
}
} // namespace

PartitaEditor::PartitaEditor (PartitaAudioProcessor& owner)
    : juce::AudioProcessorEditor (owner)
    , partita (owner)
    , actions (owner, [this] { refresh(); })
    , frequencyResponse (owner.parameterState())
    , controls (owner.parameterState())
    , browser (owner)
{
    setLookAndFeel (&lookAndFeel);
    setTitle ("Partita");
    setFocusContainerType (juce::Component::FocusContainerType::keyboardFocusContainer);

    for (auto* child : std::initializer_list<juce::Component*> { &header, &infoLine, &waveform, &frequencyResponse,
                                                                 &controls, &messageBar })
        addAndMakeVisible (child);
    addChildComponent (analysisPage.curves());
    controls.setViewPageContent (EditorSection::analysis, analysisPage.table());
    addChildComponent (browser);

    // Tab follows reading order: the buttons, then the controls row by row,
    // then the response view's equaliser handles. Among the editor's children
    // the header goes first, the controls next (though the views are above
    // them on screen) and the response view last; inside each, the explicit
    // orders below decide.
    header.setExplicitFocusOrder (1);
    browser.setExplicitFocusOrder (2);
    controls.setExplicitFocusOrder (3);
    header.onBrowserButton = [this] { setBrowserShown (!isBrowserShown()); };

    controls.onPageChange = [this]
    {
        analysisPage.setShown (controls.shownPage() == EditorSection::analysis);
        resized();
        repaint();
    };

    setResizable (true, true);
    setResizeLimits (minimumWidth, minimumHeight, maximumWidth, maximumHeight);
    setSize (defaultWidth, defaultHeight);
    setBrowserShown (owner.browserSettings().isShown());
    updateFocusOrder();

    juce::Desktop::getInstance().addFocusChangeListener (this);
    analysisPage.setShown (controls.shownPage() == EditorSection::analysis);
    refresh();
    startTimerHz (10);
}

PartitaEditor::~PartitaEditor()
{
    stopTimer();
    juce::Desktop::getInstance().removeFocusChangeListener (this);
    setLookAndFeel (nullptr);
}

void PartitaEditor::updateFocusOrder()
{
    int order = 1;
    for (auto* component : focusOrder())
        component->setExplicitFocusOrder (order++);
}

void PartitaEditor::setBrowserShown (bool shown)
{
    header.setBrowserShown (shown);
    if (shown == browser.isVisible())
        return;
    browser.setVisible (shown);
    partita.browserSettings().setShown (shown);
    // The width before the new limits (which may resize the window to fit them).
    const auto width = static_cast<double> (getWidth()) * (shown ? browserWidening : 1.0 / browserWidening);
    const auto minimum = shown ? juce::roundToInt (minimumWidth * browserWidening) : minimumWidth;
    if (shown)
        setResizeLimits (minimum, minimumHeight, maximumWidth, maximumHeight);
    setSize (std::clamp (juce::roundToInt (width), minimum, maximumWidth), getHeight());
    if (!shown)
        setResizeLimits (minimum, minimumHeight, maximumWidth, maximumHeight);
    updateFocusOrder();
    resized();
}

std::vector<juce::Component*> PartitaEditor::focusOrder()
{
    const auto buttons = header.buttons();
    std::vector<juce::Component*> order (buttons.begin(), buttons.end());
    if (browser.isVisible())
    {
        const auto targets = browser.focusTargets();
        order.insert (order.end(), targets.begin(), targets.end());
    }
    const auto targets = controls.focusTargets();
    order.insert (order.end(), targets.begin(), targets.end());
    if (controls.shownPage() != EditorSection::analysis)
        order.push_back (&frequencyResponse);
    return order;
}

// Layout ---------------------------------------------------------------------------

void PartitaEditor::paint (juce::Graphics& g)
{
    g.fillAll (PartitaLookAndFeel::background);
}

void PartitaEditor::paintOverChildren (juce::Graphics& g)
{
    if (dragIsOver)
    {
        g.setColour (PartitaLookAndFeel::accent.withAlpha (0.15f));
        g.fillAll();
        g.setColour (PartitaLookAndFeel::accent);
        g.drawRect (getLocalBounds(), 3);
    }
}

int PartitaEditor::browserWidth() const
{
    return juce::roundToInt (static_cast<double> (getWidth()) * (browserWidening - 1.0) / browserWidening);
}

float PartitaEditor::scale() const
{
    const auto contentWidth = getWidth() - (browser.isVisible() ? browserWidth() : 0);
    return std::min (static_cast<float> (contentWidth) / static_cast<float> (defaultWidth),
                     static_cast<float> (getHeight()) / static_cast<float> (defaultHeight));
}

void PartitaEditor::resized()
{
    // One scale from the editor's size for every text and fixed height, so
    // the whole editor grows and shrinks alike (each part keeps its text
    // legible at the smallest size).
    const auto factor = scale();
    const auto scaled = [factor] (int size) { return juce::roundToInt (static_cast<float> (size) * factor); };
    lookAndFeel.setScale (factor);
    header.setScale (factor);
    controls.setScale (factor);
    frequencyResponse.setScale (factor);
    infoLine.setScale (factor);
    waveform.setScale (factor);
    messageBar.setScale (factor);
    analysisPage.curves().setScale (factor);
    analysisPage.table().setScale (factor);
    browser.setScale (factor);

    auto area = getLocalBounds().reduced (10);

    header.setBounds (area.removeFromTop (std::max (24, scaled (32))));
    area.removeFromTop (4);
    // The browser down the left, as tall as the window allows: the more
    // rows it shows the better; the rest keeps the layout it had.
    if (browser.isVisible())
    {
        browser.setBounds (area.removeFromLeft (browserWidth() - 10));
        area.removeFromLeft (8);
    }
    infoLine.setBounds (area.removeFromTop (infoLine.heightForWidth (area.getWidth())));
    area.removeFromTop (4);

    // A long message takes more lines, up to a fifth of what is left (its
    // tooltip holds the text in any case).
    const auto messageHeight = std::max (scaled (28), messageBar.heightForWidth (area.getWidth()));
    messageBar.setBounds (area.removeFromBottom (std::min (messageHeight, area.getHeight() / 5)));
    area.removeFromBottom (8);

    // The controls take the rows the tallest page and the output row need
    // at this width; the views keep about two and a half rows' height (at
    // the smallest size, with three rows of controls, about 160 px).
    const auto rows = controls.rowsNeeded (area.getWidth());
    const auto rowHeight = std::clamp (area.getHeight() * 2 / (2 * rows + 5), scaled (minimumRowHeight), scaled (120));
    controls.setRowHeight (rowHeight);
    controls.setBounds (area.removeFromBottom (controls.heightFor (area.getWidth(), rowHeight)));
    area.removeFromBottom (8);

    // The analysis page draws its decay curves where the IR's views are.
    const auto analysing = controls.shownPage() == EditorSection::analysis;
    analysisPage.curves().setVisible (analysing);
    waveform.setVisible (!analysing);
    frequencyResponse.setVisible (!analysing);
    analysisPage.curves().setBounds (area);

    const auto waveformWidth = area.getWidth() * waveformShare (controls.shownPage()) / 100;
    waveform.setBounds (area.removeFromLeft (waveformWidth));
    area.removeFromLeft (8);
    frequencyResponse.setBounds (area);
}

int PartitaEditor::waveformShare (EditorSection page)
{
    // The view a page draws on gets the larger part: the EQ's curve and
    // handles on the response, the envelope over the waveform.
    switch (page)
    {
        case EditorSection::equaliser:
            return 38;
        case EditorSection::envelope:
            return 62;
        case EditorSection::impulseResponse:
        case EditorSection::slots:
        case EditorSection::output:
        case EditorSection::analysis:
            break;
    }
    return 55;
}

// Polling --------------------------------------------------------------------------

void PartitaEditor::timerCallback()
{
    refresh();
}

void PartitaEditor::refresh()
{
    if (const auto message = partita.status(); message.version != shownMessageVersion)
    {
        shownMessageVersion = message.version;
        messageBar.show (message);
        resized(); // a longer or shorter message changes the bar's height
    }
    showImpulseResponse();
    showParameters();
    analysisPage.poll();
    if (infoLine.showPreDelay (partita.currentParameters(), partita.convolver().hostTempo()))
        resized();
    infoLine.showPerformance (partita.getLatencySamples(), partita.getSampleRate(), partita.convolver().cpuLoad());
}

void PartitaEditor::showImpulseResponse()
{
    auto info = partita.convolver().impulseResponseInfo();
    if (hasShownInfo && info == shownInfo)
        return;
    hasShownInfo = true;
    shownInfo = info;
    infoLine.showImpulseResponse (info.get());
    waveform.setImpulseResponse (info);
    frequencyResponse.setImpulseResponse (info);
    analysisPage.setImpulseResponse (info);
}

void PartitaEditor::showParameters()
{
    const auto parameters = partita.currentParameters();
    waveform.setTrim (parameters.trimStartMs, parameters.trimEndMs, parameters.reverse);
    frequencyResponse.setParameters (parameters);
    // Either the time or the note value sets the pre-delay: the other is dimmed.
    const bool synced = parameters.preDelaySync == PreDelaySync::tempo;
    controls.setInEffect ("preDelay", !synced);
    controls.setInEffect ("preDelayNote", synced);
}

void PartitaEditor::globalFocusChanged (juce::Component*)
{
    // JUCE's sliders and combo boxes do not repaint when the focus moves; the
    // focus rings must follow it.
    repaint();
}

// Keyboard -----------------------------------------------------------------------------

bool PartitaEditor::keyPressed (const juce::KeyPress& key)
{
    // JUCE's buttons answer Enter but not space; keyboard users expect both.
    if (key == juce::KeyPress::spaceKey)
    {
        if (auto* button = dynamic_cast<juce::Button*> (juce::Component::getCurrentlyFocusedComponent()))
        {
            if (isParentOf (button))
            {
                button->triggerClick();
                return true;
            }
        }
    }

    if (key == juce::KeyPress ('o', juce::ModifierKeys::commandModifier, 0))
    {
        actions.chooseImpulseResponse();
        return true;
    }

    // The browser's keys from anywhere in the editor (a text box keeps
    // Ctrl+Left and Right for its words; knobs ignore modified arrows).
    if (key == juce::KeyPress ('b', juce::ModifierKeys::commandModifier, 0))
    {
        setBrowserShown (!isBrowserShown());
        return true;
    }
    if (key == juce::KeyPress ('p', juce::ModifierKeys::commandModifier, 0))
    {
        browser.togglePreview();
        return true;
    }
    if (key == juce::KeyPress ('f', juce::ModifierKeys::commandModifier, 0))
    {
        setBrowserShown (true);
        browser.focusSearch();
        return true;
    }
    if (key == juce::KeyPress (juce::KeyPress::leftKey, juce::ModifierKeys::commandModifier, 0)
        || key == juce::KeyPress (juce::KeyPress::rightKey, juce::ModifierKeys::commandModifier, 0))
    {
        browser.step (key.getKeyCode() == juce::KeyPress::leftKey ? StepDirection::previous : StepDirection::next);
        return true;
    }
    return false;
}

// Drag and drop ------------------------------------------------------------------------

bool PartitaEditor::isInterestedInFileDrag (const juce::StringArray& files)
{
    return firstOpenableFile (files) != juce::File();
}

void PartitaEditor::fileDragEnter (const juce::StringArray&, int, int)
{
    dragIsOver = true;
    repaint();
}

void PartitaEditor::fileDragExit (const juce::StringArray&)
{
    dragIsOver = false;
    repaint();
}

void PartitaEditor::filesDropped (const juce::StringArray& files, int, int)
{
    dragIsOver = false;
    repaint();
    const auto file = firstOpenableFile (files);
    if (file == juce::File())
        return;
    // The rule that tells a recording from an IR: Shift held while dropping
    // (a recording of a sweep looks like any other audio file).
    if (juce::ModifierKeys::getCurrentModifiersRealtime().isShiftDown() && !file.hasFileExtension ("partita"))
        actions.deconvolve (file);
    else
        actions.open (file);
}

} // namespace partita
