// SPDX-License-Identifier: GPL-3.0-or-later
#include "BrowserPanel.h"

#include "BrowserEntries.h"
#include "BrowserSettings.h"
#include "PartitaLookAndFeel.h"
#include "PluginProcessor.h"
#include "browser/BrowserEntryText.h"
#include "browser/ScanCache.h"
#include "state/IrReadLimits.h"

#include <algorithm>

namespace partita
{
namespace
{
/** The timer's rate, and how many of its ticks between looks at the
    settings file. */
constexpr int pollsPerSecond = 10;
constexpr int ticksPerSettingsCheck = 10;
/** How long a load the browser asked for may take before the list follows
    other loads again (a file that failed to load never plays). */
constexpr auto awaitLimit = std::chrono::seconds (3);

/** One cache for the process: every instance's browser, and an editor
    opened again, take unchanged files from it. */
std::shared_ptr<ScanCache> sharedScanCache()
{
    static const auto cache = std::make_shared<ScanCache>();
    return cache;
}

juce::String fromUtf8 (const std::string& text)
{
    return juce::String::fromUTF8 (text.c_str());
}

std::filesystem::path pathOf (const juce::File& file)
{
    return std::filesystem::path (
        std::u8string (reinterpret_cast<const char8_t*> (file.getFullPathName().toRawUTF8())));
}

void styleButton (juce::TextButton& button, const juce::String& title, const juce::String& tooltip)
{
    button.setTitle (title);
    button.setTooltip (tooltip);
    button.setWantsKeyboardFocus (true);
    button.setMouseClickGrabsKeyboardFocus (true);
}
} // namespace

BrowserPanel::BrowserPanel (PartitaAudioProcessor& processor)
    : partita (processor)
    , scanner (IrFileProbe (irReadLimits), sharedScanCache())
    , previousButton ("Prev")
    , nextButton ("Next")
    , favouriteButton ("Favourite")
{
    setTitle ("IR browser");
    setDescription ("The factory IRs, your IR folders and the recent files");

    search.setTitle ("Search IRs");
    search.setTextToShowWhenEmpty ("Search by name or tag", PartitaLookAndFeel::dimText);
    search.setTooltip ("Shows the IRs whose name, category, tags or subfolder hold every word typed. Enter goes to "
                       "the list.");
    search.setColour (juce::TextEditor::backgroundColourId, PartitaLookAndFeel::pagePanel);
    search.setColour (juce::TextEditor::textColourId, PartitaLookAndFeel::text);
    search.setColour (juce::TextEditor::outlineColourId, PartitaLookAndFeel::panel.brighter (0.2f));
    search.setColour (juce::TextEditor::focusedOutlineColourId, PartitaLookAndFeel::accent.brighter (0.4f));
    search.onTextChange = [this]
    {
        model.setSearch (search.getText().toStdString());
        rowsChanged();
    };
    search.onReturnKey = [this] { listBox.grabKeyboardFocus(); };
    search.onEscapeKey = [this]
    {
        search.clear();
        search.onTextChange();
    };

    styleButton (previousButton, "Previous IR",
                 "Load the previous IR of the list (Up on the list, Ctrl+Left anywhere)");
    styleButton (nextButton, "Next IR", "Load the next IR of the list (Down on the list, Ctrl+Right anywhere)");
    styleButton (favouriteButton, "Favourite", "Mark the selected IR as a favourite (favourites are listed first)");
    styleButton (addFolderButton, "Add folder...", "Add a folder of IR files to the list (its subfolders too)");
    styleButton (removeFolderButton, "Remove folder...", "Take one of your folders off the list (no file is deleted)");
    favouriteButton.setColour (juce::TextButton::buttonOnColourId, PartitaLookAndFeel::accent.withAlpha (0.45f));
    previousButton.onClick = [this] { step (StepDirection::previous); };
    nextButton.onClick = [this] { step (StepDirection::next); };
    favouriteButton.onClick = [this] { toggleFavourite(); };
    styleButton (previewButton, "Preview",
                 "Play a short dry sound (a snare and a guitar chord) through the IR, also with the host stopped; "
                 "again to stop (P on the list, Ctrl+P anywhere)");
    previewButton.setColour (juce::TextButton::buttonOnColourId, PartitaLookAndFeel::accent.withAlpha (0.45f));
    previewButton.onClick = [this] { togglePreview(); };
    loudnessToggle.setTitle ("Match loudness");
    loudnessToggle.setTooltip ("Level each IR by its loudness (K-weighted, as BS.1770), so that IRs compare by their "
                               "sound, not their level. Turned on when you start browsing, unless you set it.");
    loudnessToggle.setWantsKeyboardFocus (true);
    if (auto* parameter = processor.parameterState().getParameter ("loudnessMatch"))
        loudnessAttachment = std::make_unique<juce::ButtonParameterAttachment> (*parameter, loudnessToggle);
    addFolderButton.onClick = [this] { chooseFolder(); };
    removeFolderButton.onClick = [this] { showRemoveFolderMenu(); };

    listBox.setModel (this);
    listBox.onStep = [this] (StepDirection direction) { step (direction); };
    listBox.onJump = [this] (bool toFirst) { jump (toFirst); };
    listBox.onPreview = [this] { togglePreview(); };

    status.setColour (juce::Label::textColourId, PartitaLookAndFeel::dimText);
    status.setTitle ("Browser status");

    for (auto* child : std::initializer_list<juce::Component*> {
             &search, &previousButton, &nextButton, &favouriteButton, &previewButton, &loudnessToggle, &listBox,
             &addFolderButton, &removeFolderButton, &status })
        addAndMakeVisible (child);
    int order = 1;
    for (auto* target : focusTargets())
        target->setExplicitFocusOrder (order++);

    model.setFactory (BrowserEntries::factory());
    reloadSettings();
    setScale (1.0f);
    startTimerHz (pollsPerSecond);
}

BrowserPanel::~BrowserPanel()
{
    stopTimer();
    listBox.setModel (nullptr);
}

std::vector<juce::Component*> BrowserPanel::focusTargets()
{
    return { &search,         &previousButton, &nextButton,      &favouriteButton,   &previewButton,
             &loudnessToggle, &listBox,        &addFolderButton, &removeFolderButton };
}

std::unique_ptr<juce::AccessibilityHandler> BrowserPanel::createAccessibilityHandler()
{
    return std::make_unique<juce::AccessibilityHandler> (*this, juce::AccessibilityRole::group);
}

// Settings and scanning ----------------------------------------------------------------

void BrowserPanel::reloadSettings()
{
    auto& settings = partita.browserSettings();
    settingsSeen = settings.lastWritten();

    const auto newFolders = settings.folders();
    if (newFolders != folders)
    {
        std::vector<std::filesystem::path> added;
        for (const auto& folder : newFolders)
            if (std::find (folders.begin(), folders.end(), folder) == folders.end())
                added.push_back (folder);
        folders = newFolders;
        model.setFolders (folders);
        scanner.scan (added);
    }
    model.setFavourites (settings.favourites());
    refreshRecent();
    rowsChanged();
}

void BrowserPanel::refreshRecent()
{
    const auto files = partita.recentFiles().files();
    auto entries = BrowserEntries::recent (files);
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : entries)
        paths.push_back (entry.path);
    model.setRecent (std::move (entries));
    // Their facts, from the cache when the files were scanned before.
    scanner.scan (paths);
}

void BrowserPanel::poll()
{
    if (auto results = scanner.takeResults(); !results.empty())
        model.apply (results);
    if (++ticks % ticksPerSettingsCheck == 0 && partita.browserSettings().lastWritten() != settingsSeen)
        reloadSettings();
    rowsChanged();
    followPlaying();
    updateStatus();
}

void BrowserPanel::timerCallback()
{
    poll();
}

void BrowserPanel::addFolder (const std::filesystem::path& folder)
{
    auto& settings = partita.browserSettings();
    if (!settings.addFolder (folder))
        scanner.scan ({ BrowserSettings::normalisedFolder (folder) }); // there already: look again
    reloadSettings();
}

void BrowserPanel::removeFolder (const std::filesystem::path& folder)
{
    partita.browserSettings().removeFolder (folder);
    reloadSettings();
}

void BrowserPanel::chooseFolder()
{
    chooser = std::make_unique<juce::FileChooser> ("Add a folder of IRs", juce::File(), juce::String());
    chooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectDirectories,
                          [weakThis = juce::WeakReference<BrowserPanel> (this)] (const juce::FileChooser& fc)
                          {
                              auto* live = weakThis.get();
                              if (live != nullptr && fc.getResult() != juce::File())
                                  live->addFolder (pathOf (fc.getResult()));
                          });
}

void BrowserPanel::showRemoveFolderMenu()
{
    juce::PopupMenu menu;
    if (folders.empty())
        menu.addItem (-1, "No folders added yet", false);
    for (std::size_t i = 0; i < folders.size(); ++i)
        menu.addItem (static_cast<int> (i) + 1, fromUtf8 (folders[i].string()));
    menu.showMenuAsync (juce::PopupMenu::Options().withTargetComponent (removeFolderButton),
                        [weakThis = juce::WeakReference<BrowserPanel> (this), shown = folders] (int result)
                        {
                            auto* live = weakThis.get();
                            if (live != nullptr && result > 0 && static_cast<std::size_t> (result) <= shown.size())
                                live->removeFolder (shown[static_cast<std::size_t> (result) - 1]);
                        });
}

// Selection, stepping, loading ------------------------------------------------------------

std::optional<std::size_t> BrowserPanel::selectedRow() const
{
    const auto row = listBox.getSelectedRow();
    if (row < 0 || static_cast<std::size_t> (row) >= model.rows().size())
        return std::nullopt;
    return static_cast<std::size_t> (row);
}

void BrowserPanel::select (std::optional<std::size_t> row)
{
    const juce::ScopedValueSetter<bool> guard (selecting, true);
    if (!row.has_value() || *row >= model.rows().size())
    {
        listBox.deselectAllRows();
        selectedKey.clear();
    }
    else
    {
        listBox.selectRow (static_cast<int> (*row));
        const auto& chosen = model.rows()[*row];
        selectedKey = chosen.kind == BrowserRow::Kind::entry ? chosen.entry.key : std::string {};
    }
    updateStatus();
}

void BrowserPanel::step (StepDirection direction)
{
    if (const auto target = model.step (selectedRow(), direction))
        loadRow (*target);
}

void BrowserPanel::jump (bool toFirst)
{
    // The first loadable row is the step from nothing forward; the last, backward.
    if (const auto target = model.step (std::nullopt, toFirst ? StepDirection::next : StepDirection::previous))
        loadRow (*target);
}

void BrowserPanel::loadRow (std::size_t row)
{
    if (row >= model.rows().size())
        return;
    select (row);
    const auto& chosen = model.rows()[row];
    if (!chosen.isLoadable())
        return;
    awaitedKey = chosen.entry.key;
    awaitedSince = std::chrono::steady_clock::now();
    // Before the load, so that the new IR is built levelled.
    partita.loudnessMatchForBrowsing();
    BrowserEntries::load (partita, chosen.entry);
}

void BrowserPanel::followPlaying()
{
    const auto playing = BrowserEntries::playing (partita);
    if (awaitedKey.empty() && playing.file == followedFile && playing.factoryKey == followedFactoryKey
        && model.version() == followedVersion)
        return;
    followedFile = playing.file;
    followedFactoryKey = playing.factoryKey;
    followedVersion = model.version();
    std::optional<std::size_t> row;
    if (playing.file)
        row = model.rowOfFile (*playing.file);
    else if (playing.factoryKey)
        row = model.rowOf (*playing.factoryKey);
    const auto key = row ? model.rows()[*row].entry.key : std::string {};

    if (!awaitedKey.empty())
    {
        if (key != awaitedKey && std::chrono::steady_clock::now() - awaitedSince < awaitLimit)
            return;
        awaitedKey.clear();
    }
    if (row && key != selectedKey)
        select (row);
}

void BrowserPanel::toggleFavourite()
{
    const auto row = selectedRow();
    if (!row || model.rows()[*row].kind != BrowserRow::Kind::entry)
        return;
    const auto& chosen = model.rows()[*row];
    partita.browserSettings().setFavourite (chosen.entry.key, !chosen.favourite);
    reloadSettings();
}

void BrowserPanel::togglePreview()
{
    partita.togglePreview();
    // The button follows the preview as it plays and ends (updateStatus).
}

void BrowserPanel::focusSearch()
{
    search.grabKeyboardFocus();
    search.selectAll();
}

void BrowserPanel::setSearchText (const juce::String& text)
{
    // The box tells its listeners later (a message); the list filters now.
    search.setText (text, false);
    model.setSearch (text.toStdString());
    rowsChanged();
}

void BrowserPanel::rowsChanged()
{
    if (model.version() == shownVersion)
        return;
    shownVersion = model.version();
    listBox.updateContent();
    // The selection stays on its IR, wherever its row went.
    std::optional<std::size_t> row;
    if (!selectedKey.empty())
        row = model.rowOf (selectedKey);
    {
        const juce::ScopedValueSetter<bool> guard (selecting, true);
        if (row)
            listBox.selectRow (static_cast<int> (*row), true);
        else
            listBox.deselectAllRows();
    }
    listBox.repaint();
    updateStatus();
}

void BrowserPanel::updateStatus()
{
    std::size_t shown = 0;
    for (const auto& row : model.rows())
        shown += row.kind == BrowserRow::Kind::entry ? 1 : 0;
    auto text = juce::String (model.entryCount()) + " IRs";
    if (!search.isEmpty())
        text << ", " << juce::String (shown) << " found";
    if (scanner.isScanning())
        text << ", scanning (" << juce::String (scanner.filesScanned()) << " files)...";
    status.setText (text, juce::dontSendNotification);

    const auto row = selectedRow();
    const bool isEntry = row && model.rows()[*row].kind == BrowserRow::Kind::entry;
    favouriteButton.setToggleState (isEntry && model.rows()[*row].favourite, juce::dontSendNotification);
    previewButton.setToggleState (partita.isPreviewPlaying(), juce::dontSendNotification);
}

// The list box's model ------------------------------------------------------------------

int BrowserPanel::getNumRows()
{
    return static_cast<int> (model.rows().size());
}

void BrowserPanel::paintListBoxItem (int rowNumber, juce::Graphics& g, int width, int height, bool selected)
{
    if (rowNumber < 0 || static_cast<std::size_t> (rowNumber) >= model.rows().size())
        return;
    const auto& row = model.rows()[static_cast<std::size_t> (rowNumber)];
    auto area = juce::Rectangle<int> (0, 0, width, height).reduced (6, 2);
    const auto nameHeight = PartitaLookAndFeel::textHeight (14.0f, scale);
    const auto detailHeight = PartitaLookAndFeel::textHeight (12.0f, scale);

    if (row.kind == BrowserRow::Kind::heading)
    {
        area.removeFromLeft (row.depth * juce::roundToInt (10.0f * scale));
        g.setColour (row.depth == 0 ? PartitaLookAndFeel::accent : PartitaLookAndFeel::dimText);
        g.setFont (juce::Font (nameHeight, row.depth == 0 ? juce::Font::bold : juce::Font::plain));
        g.drawFittedText (fromUtf8 (row.heading), area.removeFromBottom (juce::roundToInt (nameHeight) + 4),
                          juce::Justification::bottomLeft, 1, 1.0f);
        g.setColour (PartitaLookAndFeel::panel.brighter (0.25f));
        g.fillRect (6, height - 1, width - 12, 1);
        return;
    }

    if (selected)
    {
        g.setColour (PartitaLookAndFeel::accent.withAlpha (0.28f));
        g.fillRoundedRectangle (juce::Rectangle<int> (2, 1, width - 4, height - 2).toFloat(), 3.0f);
    }
    area.removeFromLeft (juce::roundToInt (10.0f * scale)); // under the folder's heading
    const auto markWidth = juce::roundToInt (nameHeight);
    auto mark = area.removeFromLeft (markWidth);
    if (row.favourite)
    {
        // A five-pointed star, drawn (a font may have no glyph for one).
        juce::Path star;
        const auto centre = mark.toFloat().withHeight (nameHeight + 4.0f).getCentre();
        star.addStar (centre, 5, nameHeight * 0.2f, nameHeight * 0.45f);
        g.setColour (PartitaLookAndFeel::warning);
        g.fillPath (star);
    }

    const auto& entry = row.entry;
    g.setColour (entry.readable ? PartitaLookAndFeel::text : PartitaLookAndFeel::dimText);
    g.setFont (juce::Font (nameHeight));
    g.drawFittedText (fromUtf8 (BrowserEntryText::title (entry)),
                      area.removeFromTop (juce::roundToInt (nameHeight) + 4), juce::Justification::centredLeft, 1,
                      0.9f);
    g.setColour (entry.readable ? PartitaLookAndFeel::dimText : PartitaLookAndFeel::error);
    g.setFont (juce::Font (detailHeight));
    g.drawFittedText (fromUtf8 (BrowserEntryText::detail (entry)), area, juce::Justification::centredLeft, 1, 0.9f);
}

void BrowserPanel::listBoxItemClicked (int row, const juce::MouseEvent&)
{
    if (row >= 0)
        loadRow (static_cast<std::size_t> (row));
}

void BrowserPanel::returnKeyPressed (int row)
{
    if (row >= 0)
        loadRow (static_cast<std::size_t> (row));
}

void BrowserPanel::selectedRowsChanged (int lastRowSelected)
{
    if (selecting)
        return;
    // Page Up, Page Down: the selection moves without loading; it is the
    // row Enter, the favourite button and the next step start from.
    const auto& rows = model.rows();
    selectedKey = lastRowSelected >= 0 && static_cast<std::size_t> (lastRowSelected) < rows.size()
                          && rows[static_cast<std::size_t> (lastRowSelected)].kind == BrowserRow::Kind::entry
                      ? rows[static_cast<std::size_t> (lastRowSelected)].entry.key
                      : std::string {};
    updateStatus();
}

juce::String BrowserPanel::getNameForRow (int row)
{
    if (row < 0 || static_cast<std::size_t> (row) >= model.rows().size())
        return {};
    return fromUtf8 (BrowserEntryText::spoken (model.rows()[static_cast<std::size_t> (row)]));
}

juce::String BrowserPanel::getTooltipForRow (int row)
{
    if (row < 0 || static_cast<std::size_t> (row) >= model.rows().size())
        return {};
    const auto& shown = model.rows()[static_cast<std::size_t> (row)];
    if (shown.kind == BrowserRow::Kind::heading)
        return fromUtf8 (shown.heading);
    auto text = fromUtf8 (BrowserEntryText::spoken (shown));
    if (!shown.entry.path.empty())
        text << "\n" << fromUtf8 (shown.entry.path.string());
    for (const auto& file : shown.entry.setFiles)
        text << "\n  " << fromUtf8 (file.filename().string());
    return text;
}

// Layout and keys --------------------------------------------------------------------------

void BrowserPanel::setScale (float newScale)
{
    scale = newScale;
    const auto textSize = PartitaLookAndFeel::textHeight (14.0f, scale);
    search.applyFontToAllText (juce::Font (textSize));
    status.setFont (juce::Font (PartitaLookAndFeel::textHeight (12.0f, scale)));
    const auto rowHeight = juce::roundToInt (PartitaLookAndFeel::textHeight (14.0f, scale)
                                             + PartitaLookAndFeel::textHeight (12.0f, scale) + 12.0f);
    listBox.setRowHeight (rowHeight);
    resized();
}

void BrowserPanel::paint (juce::Graphics& g)
{
    g.setColour (PartitaLookAndFeel::panel);
    g.fillRoundedRectangle (getLocalBounds().toFloat(), 4.0f);
}

void BrowserPanel::resized()
{
    const auto scaled = [this] (int size) { return juce::roundToInt (static_cast<float> (size) * scale); };
    auto area = getLocalBounds().reduced (6);
    const auto line = std::max (24, scaled (28));

    search.setBounds (area.removeFromTop (line));
    area.removeFromTop (4);
    {
        auto buttons = area.removeFromTop (line);
        const auto third = buttons.getWidth() / 3;
        previousButton.setBounds (buttons.removeFromLeft (third).reduced (2, 0));
        nextButton.setBounds (buttons.removeFromLeft (third).reduced (2, 0));
        favouriteButton.setBounds (buttons.reduced (2, 0));
    }
    area.removeFromTop (4);
    {
        auto row = area.removeFromTop (line);
        previewButton.setBounds (row.removeFromLeft (row.getWidth() / 3).reduced (2, 0));
        row.removeFromLeft (6);
        loudnessToggle.setBounds (row);
    }
    area.removeFromTop (4);

    status.setBounds (area.removeFromBottom (std::max (18, scaled (20))));
    {
        auto buttons = area.removeFromBottom (line);
        const auto half = buttons.getWidth() / 2;
        addFolderButton.setBounds (buttons.removeFromLeft (half).reduced (2, 0));
        removeFolderButton.setBounds (buttons.reduced (2, 0));
    }
    area.removeFromBottom (4);
    listBox.setBounds (area);
}

bool BrowserPanel::keyPressed (const juce::KeyPress& key)
{
    // The list's keys on the panel's buttons too: the browser has the focus.
    return listBox.handleBrowsingKey (key);
}

} // namespace partita
