// SPDX-License-Identifier: GPL-3.0-or-later
#include "EditorTestSupport.h"

#include "plugin/FactoryImpulseResponses.h"

#include <gtest/gtest.h>

#include <chrono>
#include <climits>
#include <stdexcept>
#include <thread>

namespace juce
{
// JUCE's own message pump step (juce_events, Linux and Windows): the plugin is
// built without modal loops, so runDispatchLoopUntil does not exist.
bool dispatchNextMessageOnSystemQueue (bool returnIfNoPendingMessages);
} // namespace juce

namespace partita::test
{

void pumpMessages (int milliseconds)
{
    const auto end = juce::Time::getMillisecondCounter() + static_cast<juce::uint32> (milliseconds);
    while (juce::Time::getMillisecondCounter() < end)
        if (!juce::dispatchNextMessageOnSystemQueue (true))
            juce::Thread::sleep (1);
}

std::unique_ptr<PartitaEditor> openEditor (PartitaAudioProcessor& plugin)
{
    auto* editor = dynamic_cast<PartitaEditor*> (plugin.createEditorIfNeeded());
    return std::unique_ptr<PartitaEditor> (editor);
}

ControlRows& controlRowsOf (PartitaEditor& editor)
{
    for (auto* child : editor.getChildren())
        if (auto* rows = dynamic_cast<ControlRows*> (child))
            return *rows;
    throw std::logic_error ("the editor has no controls");
}

std::size_t showcaseIr()
{
    const auto& factory = factoryImpulseResponses();
    for (std::size_t i = 0; i < factory.size(); ++i)
        if (factory[i].fileName == "hall_ir.wav")
            return i;
    return 0;
}

void loadFactoryAndWait (PartitaAudioProcessor& plugin, std::size_t index)
{
    plugin.loadFactoryImpulseResponse (index);
    ASSERT_TRUE (plugin.waitForPendingLoads (std::chrono::seconds (10)));
    const auto& name = factoryImpulseResponses()[index].displayName;
    for (int i = 0; i < 5000; ++i)
    {
        const auto info = plugin.convolver().impulseResponseInfo();
        if (info != nullptr && info->name == name)
            break;
        std::this_thread::sleep_for (std::chrono::milliseconds (1));
    }
    plugin.refreshFromConvolver();
}

namespace
{
/** INT_MAX when one word alone is wider than the line. */
int linesNeeded (const juce::Font& font, const juce::String& text, float width)
{
    const auto space = font.getStringWidthFloat (" ");
    int lines = 1;
    float used = -1.0f; // -1: nothing on this line yet
    for (const auto& word : juce::StringArray::fromTokens (text, " ", ""))
    {
        const auto wordWidth = font.getStringWidthFloat (word);
        if (wordWidth > width)
            return INT_MAX;
        if (used < 0.0f)
            used = wordWidth;
        else if (used + space + wordWidth <= width)
            used += space + wordWidth;
        else
        {
            ++lines;
            used = wordWidth;
        }
    }
    return lines;
}
} // namespace

::testing::AssertionResult fitsInFull (const juce::Label& label)
{
    const auto area = label.getBorderSize().subtractedFrom (label.getLocalBounds()).toFloat();
    const auto font = label.getFont();
    const auto lines = linesNeeded (font, label.getText(), area.getWidth());
    if (lines != INT_MAX && static_cast<float> (lines) * font.getHeight() <= area.getHeight() + 0.01f)
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "'" << label.getText() << "' needs " << lines << " lines of "
                                         << font.getHeight() << " px in " << area.getWidth() << " x "
                                         << area.getHeight() << " px";
}

std::vector<juce::Label*> labelsOf (juce::Component& component)
{
    std::vector<juce::Label*> labels;
    for (auto* child : component.getChildren())
        if (auto* label = dynamic_cast<juce::Label*> (child))
            labels.push_back (label);
    return labels;
}

juce::File saveSnapshot (juce::Component& component, const juce::String& fileName)
{
    const auto image = component.createComponentSnapshot (component.getLocalBounds(), true, 1.0f);
    juce::File folder (PARTITA_SCREENSHOT_DIR);
    folder.createDirectory();
    auto target = folder.getChildFile (fileName);
    target.deleteFile();
    juce::FileOutputStream stream (target);
    EXPECT_TRUE (stream.openedOk()) << target.getFullPathName();
    EXPECT_TRUE (juce::PNGImageFormat().writeImageToStream (image, stream));
    stream.flush();
    std::printf ("  screenshot: %s\n", target.getFullPathName().toRawUTF8());
    return target;
}

} // namespace partita::test
