// SPDX-License-Identifier: GPL-3.0-or-later
#include "EditorFileActions.h"

#include "FactoryImpulseResponses.h"
#include "PluginProcessor.h"
#include "state/RestoredImpulseResponse.h"
#include "state/StateFile.h"

#include <exception>

namespace partita
{
namespace
{
constexpr const char* presetExtension = ".partita";
constexpr const char* audioWildcard = "*.wav;*.wave;*.aif;*.aiff;*.aifc;*.flac;*.ogg;*.oga;*.w64;*.caf;*.rf64";
constexpr int clearRecentItem = 1000;

/** The items of the slot menu. */
enum SlotMenuItem
{
    loadSlotBItem = 1,
    clearSlotBItem,
    clearSlotAItem,
};

bool isAudioFile (const juce::File& file)
{
    return file.hasFileExtension ("wav;wave;aif;aiff;aifc;flac;ogg;oga;w64;caf;rf64");
}

/** "Large hall  (2.4 s)": the name and, for a reverb, its reverberation time. */
juce::String factoryMenuItemText (const FactoryImpulseResponse& ir)
{
    auto text = juce::String::fromUTF8 (ir.displayName.c_str());
    if (ir.reverbTimeSeconds > 0.0)
        text << "  (" << juce::String (ir.reverbTimeSeconds, ir.reverbTimeSeconds < 1.0 ? 2 : 1) << " s)";
    return text;
}

bool isPresetFile (const juce::File& file)
{
    return file.hasFileExtension (presetExtension);
}

/** Opens a file chooser and passes the chosen file on; a cancelled chooser, or
    one that answers after the actions are gone, calls nothing. */
void launchChooser (std::unique_ptr<juce::FileChooser>& chooser, int flags, EditorFileActions& actions,
                    std::function<void (EditorFileActions&, const juce::File&)> onChosen)
{
    chooser->launchAsync (flags,
                          [weakActions = juce::WeakReference<EditorFileActions> (&actions),
                           onChosen = std::move (onChosen)] (const juce::FileChooser& fc)
                          {
                              auto* live = weakActions.get();
                              if (live == nullptr || fc.getResult() == juce::File())
                                  return;
                              onChosen (*live, fc.getResult());
                          });
}

std::string pathOf (const juce::File& file)
{
    return file.getFullPathName().toStdString();
}
} // namespace

EditorFileActions::EditorFileActions (PartitaAudioProcessor& processor, std::function<void()> changedCallback)
    : partita (processor)
    , onChange (std::move (changedCallback))
{
}

EditorFileActions::~EditorFileActions() = default;

bool EditorFileActions::canOpen (const juce::File& file)
{
    return isAudioFile (file) || isPresetFile (file);
}

void EditorFileActions::changed()
{
    if (onChange)
        onChange();
}

void EditorFileActions::chooseImpulseResponse (IrSlot slot)
{
    chooser = std::make_unique<juce::FileChooser> (slot == IrSlot::b ? "Load an impulse response into slot B"
                                                                     : "Load an impulse response",
                                                   juce::File(), audioWildcard);
    launchChooser (chooser, juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles, *this,
                   [slot] (EditorFileActions& actions, const juce::File& file)
                   {
                       actions.partita.loadImpulseResponseFile (file, slot);
                       actions.changed();
                   });
}

void EditorFileActions::showSlotMenu (juce::Component& target)
{
    const auto nameA = slotName (IrSlot::a);
    const auto nameB = slotName (IrSlot::b);
    juce::PopupMenu menu;
    menu.addItem (loadSlotBItem, "Load an IR into slot B...");
    menu.addItem (clearSlotBItem,
                  nameB.empty() ? juce::String ("Clear slot B")
                                : "Clear slot B (" + juce::String::fromUTF8 (nameB.c_str()) + ")",
                  !nameB.empty());
    menu.addItem (clearSlotAItem,
                  nameA.empty() ? juce::String ("Clear slot A")
                                : "Clear slot A (" + juce::String::fromUTF8 (nameA.c_str()) + ")",
                  !nameA.empty());
    menu.showMenuAsync (juce::PopupMenu::Options().withTargetComponent (target),
                        [weakThis = juce::WeakReference<EditorFileActions> (this)] (int result)
                        {
                            auto* live = weakThis.get();
                            if (live == nullptr || result <= 0)
                                return;
                            if (result == loadSlotBItem)
                                live->chooseImpulseResponse (IrSlot::b);
                            else
                                live->partita.unloadImpulseResponse (result == clearSlotBItem ? IrSlot::b : IrSlot::a);
                            live->changed();
                        });
}

std::string EditorFileActions::slotName (IrSlot slot) const
{
    const auto source = partita.convolver().requestedImpulseResponse (slot);
    return source != nullptr ? source->name : std::string {};
}

void EditorFileActions::showFactoryMenu (juce::Component& target)
{
    // One submenu per category (the list is grouped by category), each item
    // with its reverberation time, so a long list stays quick to scan.
    juce::PopupMenu menu;
    const auto& factory = factoryImpulseResponses();
    std::size_t first = 0;
    while (first < factory.size())
    {
        juce::PopupMenu group;
        auto end = first;
        for (; end < factory.size() && factory[end].category == factory[first].category; ++end)
            group.addItem (static_cast<int> (end) + 1, factoryMenuItemText (factory[end]));
        menu.addSubMenu (juce::String::fromUTF8 (factory[first].categoryName.c_str()), group);
        first = end;
    }

    menu.showMenuAsync (juce::PopupMenu::Options().withTargetComponent (target),
                        [weakThis = juce::WeakReference<EditorFileActions> (this)] (int result)
                        {
                            auto* live = weakThis.get();
                            if (live == nullptr || result <= 0)
                                return;
                            live->partita.loadFactoryImpulseResponse (static_cast<std::size_t> (result - 1));
                            live->changed();
                        });
}

void EditorFileActions::showRecentMenu (juce::Component& target)
{
    const auto files = partita.recentFiles().files();
    juce::PopupMenu menu;
    if (files.isEmpty())
        menu.addItem (-1, "No IR files loaded yet", false);
    for (int i = 0; i < files.size(); ++i)
        menu.addItem (i + 1, files[i].getFileName() + "  (" + files[i].getParentDirectory().getFullPathName() + ")");
    if (!files.isEmpty())
    {
        menu.addSeparator();
        menu.addItem (clearRecentItem, "Clear the list");
    }

    menu.showMenuAsync (juce::PopupMenu::Options().withTargetComponent (target),
                        [weakThis = juce::WeakReference<EditorFileActions> (this), files] (int result)
                        {
                            auto* live = weakThis.get();
                            if (live == nullptr || result <= 0)
                                return;
                            if (result == clearRecentItem)
                                live->partita.recentFiles().clear();
                            else if (result <= files.size())
                                live->partita.loadImpulseResponseFile (files[result - 1]);
                            live->changed();
                        });
}

void EditorFileActions::unload()
{
    partita.unloadImpulseResponse();
}

void EditorFileActions::exportPreset()
{
    chooser = std::make_unique<juce::FileChooser> (
        "Export the preset (parameters and IR)",
        juce::File::getSpecialLocation (juce::File::userDocumentsDirectory).getChildFile ("Partita preset.partita"),
        juce::String ("*") + presetExtension);
    const auto flags = juce::FileBrowserComponent::saveMode | juce::FileBrowserComponent::canSelectFiles
                       | juce::FileBrowserComponent::warnAboutOverwriting;
    launchChooser (chooser, flags, *this,
                   [] (EditorFileActions& actions, const juce::File& chosen)
                   {
                       const auto file = chosen.withFileExtension (presetExtension);
                       try
                       {
                           writeStateFile (pathFromUtf8 (pathOf (file)), actions.partita.stateBytes());
                           actions.partita.showMessage ("Exported the preset to '" + pathOf (file) + "'",
                                                        StatusMessage::Severity::information);
                       }
                       catch (const std::exception& error)
                       {
                           actions.partita.showMessage (error.what(), StatusMessage::Severity::error);
                       }
                       actions.changed();
                   });
}

void EditorFileActions::importPreset()
{
    chooser =
        std::make_unique<juce::FileChooser> ("Import a preset", juce::File(), juce::String ("*") + presetExtension);
    launchChooser (chooser, juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles, *this,
                   [] (EditorFileActions& actions, const juce::File& file) { actions.open (file); });
}

void EditorFileActions::open (const juce::File& file)
{
    if (isPresetFile (file))
    {
        try
        {
            partita.restoreState (readStateFile (pathFromUtf8 (pathOf (file))));
        }
        catch (const std::exception& error)
        {
            partita.showMessage (error.what(), StatusMessage::Severity::error);
        }
    }
    else
    {
        partita.loadImpulseResponseFile (file);
    }
    changed();
}

} // namespace partita
