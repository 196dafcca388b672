// SPDX-License-Identifier: GPL-3.0-or-later
// The standalone app (JUCE_USE_CUSTOM_PLUGIN_STANDALONE_APP): JUCE's
// StandaloneFilterApp with Partita's window (StandaloneWindow says why).
#include "StandaloneWindow.h"

#include <memory>

namespace partita
{
namespace
{
class StandaloneApp final : public juce::JUCEApplication
{
public:
    StandaloneApp()
    {
        // Where JUCE's own standalone app keeps its settings, so that an
        // update keeps the user's device and session.
        juce::PropertiesFile::Options options;
        options.applicationName = getApplicationName();
        options.filenameSuffix = ".settings";
        options.osxLibrarySubFolder = "Application Support";
#if JUCE_LINUX || JUCE_BSD
        options.folderName = "~/.config";
#endif
        properties.setStorageParameters (options);
    }

    const juce::String getApplicationName() override
    {
        return JucePlugin_Name;
    }
    const juce::String getApplicationVersion() override
    {
        return JucePlugin_VersionString;
    }
    bool moreThanOneInstanceAllowed() override
    {
        return true;
    }
    void anotherInstanceStarted (const juce::String&) override {}

    void initialise (const juce::String&) override
    {
        window = std::make_unique<StandaloneWindow> (getApplicationName(), properties.getUserSettings());
        window->setVisible (true);
    }

    void shutdown() override
    {
        window = nullptr;
        properties.saveIfNeeded();
    }

    void systemRequestedQuit() override
    {
        if (window != nullptr)
            window->pluginHolder().savePluginState();
        if (juce::ModalComponentManager::getInstance()->cancelAllModalComponents())
            juce::Timer::callAfterDelay (100,
                                         []
                                         {
                                             if (auto* app = juce::JUCEApplicationBase::getInstance())
                                                 app->systemRequestedQuit();
                                         });
        else
            quit();
    }

private:
    juce::ApplicationProperties properties;
    std::unique_ptr<StandaloneWindow> window;
};
} // namespace
} // namespace partita

// JUCE's standalone entry point asks for the application here.
juce::JUCEApplicationBase* juce_CreateApplication();
juce::JUCEApplicationBase* juce_CreateApplication()
{
    return new partita::StandaloneApp();
}
