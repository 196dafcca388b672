// SPDX-License-Identifier: GPL-3.0-or-later
#include "HostStateWrapping.h"

namespace partita::test
{
namespace
{
/** The quotes around the value of the StateString property in JUCE's LV2
    host state, or false when there is none. */
bool findStateString (const juce::String& text, int& open, int& close)
{
    const auto property = text.indexOf ("StateString>");
    open = text.indexOfChar (property, '"');
    close = text.indexOfChar (open + 1, '"');
    return property >= 0 && open >= 0 && close >= 0;
}
} // namespace

juce::MemoryBlock asVst3HostState (const std::vector<std::uint8_t>& ours)
{
    juce::XmlElement state ("VST3PluginState");
    state.createNewChildElement ("IComponent")
        ->addTextElement (juce::MemoryBlock (ours.data(), ours.size()).toBase64Encoding());
    juce::MemoryBlock block;
    juce::AudioProcessor::copyXmlToBinary (state, block);
    return block;
}

std::vector<std::uint8_t> fromVst3HostState (const juce::MemoryBlock& hostState)
{
    const auto xml =
        juce::AudioProcessor::getXmlFromBinary (hostState.getData(), static_cast<int> (hostState.getSize()));
    if (xml == nullptr || xml->getChildByName ("IComponent") == nullptr)
        return {};
    juce::MemoryBlock block;
    block.fromBase64Encoding (xml->getChildByName ("IComponent")->getAllSubText());
    const auto* bytes = static_cast<const std::uint8_t*> (block.getData());
    return { bytes, bytes + block.getSize() };
}

juce::MemoryBlock withLv2PluginState (const juce::MemoryBlock& hostState, const std::vector<std::uint8_t>& ours)
{
    auto text = hostState.toString();
    int open = 0, close = 0;
    if (!findStateString (text, open, close))
        return {};
    text = text.replaceSection (open + 1, close - open - 1,
                                juce::MemoryBlock (ours.data(), ours.size()).toBase64Encoding());
    return { text.toRawUTF8(), text.getNumBytesAsUTF8() };
}

std::vector<std::uint8_t> fromLv2HostState (const juce::MemoryBlock& hostState)
{
    const auto text = hostState.toString();
    int open = 0, close = 0;
    if (!findStateString (text, open, close))
        return {};
    juce::MemoryBlock block;
    block.fromBase64Encoding (text.substring (open + 1, close));
    const auto* bytes = static_cast<const std::uint8_t*> (block.getData());
    return { bytes, bytes + block.getSize() };
}

} // namespace partita::test
