// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnalysisPage.h"

namespace partita
{

void AnalysisPage::setImpulseResponse (std::shared_ptr<const ImpulseResponseInfo> info)
{
    playing = std::move (info);
    requestIfStale();
}

void AnalysisPage::setShown (bool shown)
{
    isShown = shown;
    requestIfStale();
}

void AnalysisPage::requestIfStale()
{
    if (!isShown || (hasRequested && requested == playing))
        return;
    hasRequested = true;
    requested = playing;
    job.request (playing);
    if (playing != nullptr)
    {
        // The previous figures stay until the new ones are ready, so that
        // turning a knob does not blank the page; the title says they are
        // being renewed.
        if (!curveView.analysis().has_value())
            curveView.setAnalysis (std::nullopt, "Analysing the IR ...");
    }
}

void AnalysisPage::poll()
{
    const auto result = job.takeResult();
    if (result == nullptr)
        return;
    analysed = result->info;
    lastThread = result->computedOn;
    if (result->analysis.has_value())
    {
        curveView.setAnalysis (result->analysis, {});
        figureTable.setAnalysis (result->analysis);
        return;
    }
    const auto reason = result->info == nullptr
                            ? juce::String ("No IR loaded: nothing to analyse")
                            : "The IR could not be analysed: " + juce::String::fromUTF8 (result->error.c_str());
    curveView.setAnalysis (std::nullopt, reason);
    figureTable.setAnalysis (std::nullopt);
}

bool AnalysisPage::waitAndShow (std::chrono::milliseconds timeout)
{
    if (!job.waitUntilIdle (timeout))
        return false;
    poll();
    return true;
}

} // namespace partita
