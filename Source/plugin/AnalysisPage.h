// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AnalysisTable.h"
#include "DecayCurveView.h"
#include "ImpulseResponseAnalysisJob.h"

#include <memory>

namespace partita
{

/** The editor's analysis page: the playing IR's ISO 3382-1 figures, the
    decay curves in the views' place (DecayCurveView) and the table in the
    page's panel (AnalysisTable), computed by an ImpulseResponseAnalysisJob.

    The analysis runs while the page is shown: when it is opened on an IR not
    analysed yet and whenever the shaping gives a new IR (each rebuild makes
    a new ImpulseResponseInfo); a page not shown costs nothing.

    Threading: message thread; the analysis runs on the job's thread. */
class AnalysisPage final
{
public:
    AnalysisPage() = default;

    /** The IR that plays now (null: none). */
    void setImpulseResponse (std::shared_ptr<const ImpulseResponseInfo> info);
    /** Whether the page is shown (the editor tells it on every page change). */
    void setShown (bool shown);
    /** Takes a finished analysis to the view and the table; the editor's
        timer calls it. */
    void poll();

    [[nodiscard]] DecayCurveView& curves() noexcept { return curveView; }
    [[nodiscard]] AnalysisTable& table() noexcept { return figureTable; }
    /** The IR the shown figures are of (null: none shown). */
    [[nodiscard]] std::shared_ptr<const ImpulseResponseInfo> analysedImpulseResponse() const { return analysed; }
    [[nodiscard]] bool isAnalysing() const { return job.isBusy(); }
    /** Waits for the analysis asked for and shows it (tests). */
    bool waitAndShow (std::chrono::milliseconds timeout);
    /** The thread the shown figures were computed on (tests). */
    [[nodiscard]] std::thread::id computedOn() const noexcept { return lastThread; }

private:
    /** Asks the job for the playing IR's figures unless they are shown or asked for. */
    void requestIfStale();

    ImpulseResponseAnalysisJob job;
    DecayCurveView curveView;
    AnalysisTable figureTable;
    std::shared_ptr<const ImpulseResponseInfo> playing;
    std::shared_ptr<const ImpulseResponseInfo> requested;
    std::shared_ptr<const ImpulseResponseInfo> analysed;
    bool hasRequested = false;
    bool isShown = false;
    std::thread::id lastThread;
};

} // namespace partita
