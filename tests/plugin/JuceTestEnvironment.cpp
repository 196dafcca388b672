// SPDX-License-Identifier: GPL-3.0-or-later
// JUCE's message manager and GUI subsystems for the whole test run, on the
// main thread, as a host would have them. Editor tests (PARTITA_TEST_NEEDS_DISPLAY)
// also get an X display: the one in DISPLAY, or a virtual one (Xvfb) started
// here for the run, so that `ctest` works on a machine without a screen.
#include <gtest/gtest.h>
#include <juce_events/juce_events.h>
#include <juce_gui_basics/juce_gui_basics.h>

#if PARTITA_TEST_NEEDS_DISPLAY
#include <X11/Xlib.h>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#endif

namespace
{
class JuceEnvironment final : public ::testing::Environment
{
public:
    void SetUp() override
    {
#if PARTITA_TEST_NEEDS_DISPLAY
        openDisplay();
        if (display != nullptr)
            prepareAtomsOfAWindowManager();
#endif
        juce::initialiseJuce_GUI();
    }

    void TearDown() override
    {
        juce::shutdownJuce_GUI();
#if PARTITA_TEST_NEEDS_DISPLAY
        if (display != nullptr)
            XCloseDisplay (display);
        if (server > 0)
        {
            kill (server, SIGTERM);
            waitpid (server, nullptr, 0);
        }
#endif
    }

private:
#if PARTITA_TEST_NEEDS_DISPLAY
    void openDisplay()
    {
        if (const auto* existing = std::getenv ("DISPLAY"); existing != nullptr && *existing != 0)
            if ((display = XOpenDisplay (nullptr)) != nullptr)
                return;

        for (int number = 70 + static_cast<int> (getpid() % 200), tries = 0; tries < 20; ++number, ++tries)
        {
            // Built by appending: GCC 12 warns falsely (-Wrestrict, bug 105651) on "x" + string.
            std::string lock ("/tmp/.X");
            lock += std::to_string (number);
            lock += "-lock";
            if (std::filesystem::exists (lock))
                continue;
            std::string name (1, ':');
            name += std::to_string (number);
            server = fork();
            if (server == 0)
            {
                execlp ("Xvfb", "Xvfb", name.c_str(), "-screen", "0", "1280x1024x24", "-nolisten", "tcp", "-noreset",
                        static_cast<char*> (nullptr));
                _exit (127);
            }
            if (server < 0)
                return;

            setenv ("DISPLAY", name.c_str(), 1);
            for (int wait = 0; wait < 100 && display == nullptr; ++wait)
            {
                std::this_thread::sleep_for (std::chrono::milliseconds (30));
                if (waitpid (server, nullptr, WNOHANG) == server)
                    break; // that display was taken after all: try the next
                display = XOpenDisplay (nullptr);
            }
            if (display != nullptr)
                return;
            kill (server, SIGTERM);
            waitpid (server, nullptr, 0);
            server = 0;
        }
    }

    /** JUCE 7.0.5 sets window properties through atoms that only a window
        manager creates (WM_PROTOCOLS, _NET_WM_STATE ...); on a bare virtual X
        server they do not exist and the X server kills the test with BadAtom.
        Creating them first stands in for the window manager. The connection
        stays open: the server forgets atoms when its last client leaves. */
    void prepareAtomsOfAWindowManager()
    {
        for (const auto* name : { "WM_PROTOCOLS",
                                  "WM_TAKE_FOCUS",
                                  "WM_DELETE_WINDOW",
                                  "_NET_WM_PING",
                                  "WM_CHANGE_STATE",
                                  "WM_STATE",
                                  "_NET_WM_WINDOW_TYPE",
                                  "_NET_WM_WINDOW_TYPE_NORMAL",
                                  "_NET_WM_WINDOW_TYPE_DIALOG",
                                  "_NET_WM_STATE",
                                  "_NET_WM_STATE_HIDDEN",
                                  "_NET_WM_STATE_SKIP_TASKBAR",
                                  "_NET_WM_STATE_ABOVE",
                                  "_NET_WM_STATE_FULLSCREEN",
                                  "_NET_FRAME_EXTENTS",
                                  "_NET_WORKAREA",
                                  "_MOTIF_WM_HINTS",
                                  "_NET_WM_ALLOWED_ACTIONS",
                                  "_NET_WM_ACTION_MOVE",
                                  "_NET_WM_ACTION_RESIZE",
                                  "_NET_WM_ACTION_CLOSE",
                                  "_NET_WM_ACTION_MINIMIZE",
                                  "_NET_WM_ACTION_MAXIMIZE_HORZ",
                                  "_NET_WM_ACTION_MAXIMIZE_VERT",
                                  "_NET_WM_ACTION_FULLSCREEN" })
            XInternAtom (display, name, False);
        XSync (display, False);
    }

    Display* display = nullptr;
    pid_t server = 0;
#endif
};

// GoogleTest takes ownership of the environment.
[[maybe_unused]] const auto* const environment = ::testing::AddGlobalTestEnvironment (new JuceEnvironment);
} // namespace
