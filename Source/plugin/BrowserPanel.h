// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BrowserListView.h"
#include "browser/BrowserList.h"
#include "browser/FolderScanner.h"

#include <juce_audio_processors/juce_audio_processors.h>
#include <juce_gui_basics/juce_gui_basics.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace partita
{

class PartitaAudioProcessor;

/** The IR browser: a search box, previous and next buttons, a favourite
    toggle, the folder buttons, the list (factory IRs, the user's folders
    with their subfolders, the recent files; favourites first) and a status
    line. It draws and routes; the model is BrowserList, the scan
    FolderScanner (its own thread: a folder of thousands of files never
    stalls the editor), the settings BrowserSettings, the loads
    BrowserEntries (the plugin's usual path: the loader thread, a crossfade,
    a failure leaving the playing IR).

    Keys while it has the focus: Up/Down (or Left/Right) on the list load the
    previous or next IR, Home/End the first or last, Enter the selected one
    again, P plays or stops the preview; Enter in the search box goes to the
    list. The editor adds Ctrl+Left/Right (step from anywhere), Ctrl+P
    (preview), Ctrl+F (search) and Ctrl+B (show or hide).

    Loudness: the first IR the browser loads turns loudness matching on
    (PartitaAudioProcessor::loudnessMatchForBrowsing), unless the user set it;
    its toggle is in the panel.

    The list follows the IR that plays: a load from elsewhere (Load IR..., a
    drop, a restored session) selects its row when the browser has it.

    Threading: message thread. Its timer takes the scanner's results ten
    times a second and follows the settings file (another instance adding a
    folder or a favourite) once a second. */
class BrowserPanel final : public juce::Component, private juce::ListBoxModel, private juce::Timer
{
public:
    explicit BrowserPanel (PartitaAudioProcessor& processor);
    ~BrowserPanel() override;

    /** Loads the previous or next IR of the filtered list (wrapping). */
    void step (StepDirection direction);
    /** Loads the IR of a row (a heading or an unreadable file: nothing). */
    void loadRow (std::size_t row);
    void focusSearch();
    void setSearchText (const juce::String& text);

    /** Adds a folder to the user's list (remembered) and scans it. */
    void addFolder (const std::filesystem::path& folder);
    void removeFolder (const std::filesystem::path& folder);
    /** Marks or unmarks the selected row's IR as a favourite. */
    void toggleFavourite();
    /** Plays the preview sound through the IR, or stops it. */
    void togglePreview();

    /** Selects the row of the IR that plays, unless a load the browser
        asked for is still on its way (the editor calls it when the IR
        changes). */
    void followPlaying();

    /** What the timer does: takes the scanner's results, and reloads the
        settings when their file changed. */
    void poll();

    /** The editor's scale (PartitaEditor::resized). */
    void setScale (float newScale);

    /** The search box, the list and the buttons, in reading order, for the
        editor's focus order. */
    [[nodiscard]] std::vector<juce::Component*> focusTargets();

    [[nodiscard]] const BrowserList& list() const noexcept { return model; }
    [[nodiscard]] std::optional<std::size_t> selectedRow() const;
    [[nodiscard]] bool isScanning() const { return scanner.isScanning(); }
    [[nodiscard]] juce::String statusText() const { return status.getText(); }
    [[nodiscard]] BrowserListView& listView() noexcept { return listBox; }

    void paint (juce::Graphics&) override;
    void resized() override;
    bool keyPressed (const juce::KeyPress& key) override;
    std::unique_ptr<juce::AccessibilityHandler> createAccessibilityHandler() override;

private:
    // juce::ListBoxModel
    int getNumRows() override;
    void paintListBoxItem (int row, juce::Graphics&, int width, int height, bool selected) override;
    void listBoxItemClicked (int row, const juce::MouseEvent&) override;
    void returnKeyPressed (int row) override;
    void selectedRowsChanged (int lastRowSelected) override;
    juce::String getNameForRow (int row) override;
    juce::String getTooltipForRow (int row) override;

    void timerCallback() override;

    /** Reads the folders, favourites and recent files, and scans what is
        new. */
    void reloadSettings();
    void refreshRecent();
    /** After the rows changed: the list box redrawn, the selection kept on
        the same IR, the status line. */
    void rowsChanged();
    void select (std::optional<std::size_t> row);
    void updateStatus();
    void chooseFolder();
    void showRemoveFolderMenu();
    void jump (bool toFirst);

    PartitaAudioProcessor& partita;
    BrowserList model;
    FolderScanner scanner;

    juce::TextEditor search;
    BrowserListView listBox;
    juce::TextButton previousButton;
    juce::TextButton nextButton;
    juce::TextButton favouriteButton;
    /** The built-in dry sound through the IR (PartitaAudioProcessor::
        togglePreview): IRs compared with the host stopped. */
    juce::TextButton previewButton { "Preview" };
    /** The loudnessMatch parameter, here where IRs are compared. */
    juce::ToggleButton loudnessToggle { "Match loudness" };
    std::unique_ptr<juce::ButtonParameterAttachment> loudnessAttachment;
    juce::TextButton addFolderButton { "Add folder..." };
    juce::TextButton removeFolderButton { "Remove..." };
    juce::Label status;
    std::unique_ptr<juce::FileChooser> chooser;

    std::uint64_t shownVersion = ~std::uint64_t { 0 };
    /** The selected IR's key: the selection stays on it when rows move. */
    std::string selectedKey;
    /** The last IR the browser asked to load, until it plays (or for a few
        seconds): a fast step through a folder must not be pulled back by
        the one before arriving. */
    std::string awaitedKey;
    std::chrono::steady_clock::time_point awaitedSince;
    std::vector<std::filesystem::path> folders;
    /** What followPlaying saw last: it looks again only when the playing IR
        or the rows changed, or while a load is awaited. */
    std::optional<std::filesystem::path> followedFile;
    std::optional<std::string> followedFactoryKey;
    std::uint64_t followedVersion = ~std::uint64_t { 0 };
    juce::Time settingsSeen;
    int ticks = 0;
    bool selecting = false;
    float scale = 1.0f;

    JUCE_DECLARE_WEAK_REFERENCEABLE (BrowserPanel)
    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (BrowserPanel)
};

} // namespace partita
