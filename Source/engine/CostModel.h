// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace partita
{

/** What the building blocks of partitioned convolution cost on this machine,
    timed once per process: one real FFT (forward or inverse) of each
    power-of-two size, one complex multiply-accumulate per frequency bin
    (with a working set too large for the first-level cache, as in a long
    delay line), and one tap of the direct-form head. The partition planner
    minimises the sum of these, so the plan follows the machine (SIMD width,
    cache sizes, FFTW's algorithms) rather than a table.

    Threading: measured() is thread-safe; the first call blocks for the
    measurement (some tens of milliseconds), later calls return at once. */
class CostModel
{
public:
    static constexpr std::size_t smallestFft = 16;
    static constexpr std::size_t largestFft = 65536;

    /** The process-wide measurement. Each figure is the lower of this
        process's and those kept from earlier starts on this machine (beside
        FFTW's wisdom, see fftwPlanner::wisdomPath()), which are then
        updated: noise only ever slows a trial, so the lowest figure seen is
        the machine's, and plans stop flipping between processes
        (docs/engine.md, "The cost model"). */
    static const CostModel& measured();

    /** The figures as text, for the next start: a line naming the format
        and this machine (CPU and cache), then every figure. */
    [[nodiscard]] std::string serialise() const;
    /** The figures serialise() wrote on this machine; nothing if the text
        is from another machine or format, or is damaged. */
    [[nodiscard]] static std::optional<CostModel> parse (std::string_view text);
    /** Each figure the lower of the two models'. */
    [[nodiscard]] static CostModel lowerOf (const CostModel& a, const CostModel& b) noexcept;
    [[nodiscard]] bool operator== (const CostModel&) const = default;

    /** A model from given figures, for tests of the planner. */
    CostModel (double secondsPerFftUnit, double secondsPerBin, double secondsPerTap) noexcept;
    /** The same with a multiply-accumulate figure for each of sumsPerPassChoices. */
    CostModel (double secondsPerFftUnit, const std::array<double, 3>& secondsPerBinBySums,
               double secondsPerTap) noexcept;

    /** Working sets up to this size count as cached (the second-level cache
        of this CPU where the system says, else 1 MiB). */
    static std::size_t cachedWorkingSetBytes() noexcept;

    /** One transform of `size` points (a power of two within range). */
    [[nodiscard]] double fftSeconds (std::size_t size) const noexcept;
    /** One complex multiply-accumulate of one bin for one sum, when the
        spectra the multiply-accumulate streams through (kernel and delay
        line together) take workingSetBytes, and each spectrum read feeds
        `sums` sums (one of sumsPerPassChoices; see
        PartitionLevel::sumsPerPass): beyond the
        cache, memory bandwidth sets the pace, and more sums a read mean
        fewer reads. */
    [[nodiscard]] double multiplyAccumulateSecondsPerBin (std::size_t workingSetBytes = 0,
                                                          std::size_t sums = 1) const noexcept;
    /** The numbers of sums a pass the model has figures for. */
    static constexpr std::array<std::size_t, 3> sumsPerPassChoices { 1, 2, 4 };
    /** One tap of the direct head for one output, when the head runs in
        pieces of `piece` samples (the host block or the first partition,
        whichever is smaller): pieces under 64 samples keep fewer
        independent sums in flight and cost more per tap. */
    [[nodiscard]] double directSecondsPerTap (std::size_t piece = 64) const noexcept
    {
        return perTapByPiece[piece <= 16 ? 0 : piece <= 32 ? 1 : 2];
    }

private:
    CostModel() = default;
    static std::size_t indexOf (std::size_t size) noexcept;
    /** Calls visit (figure) for every figure, in a fixed order. */
    template <typename Model, typename Visit>
    static void visitFigures (Model& model, Visit&& visit);
    [[nodiscard]] static CostModel measure();

    std::array<double, 13> fftBySize {}; // sizes 16, 32, ..., 65536
    /** The working sets the streamed multiply-accumulate is timed on:
        from twice the second-level cache to well past this VM's share of
        the last level. Between two, the figure is interpolated (in the
        logarithm of the size); past the last, the last holds. */
    static constexpr std::array<std::size_t, 4> streamedWorkingSets { std::size_t { 2 } << 20, std::size_t { 4 } << 20,
                                                                      std::size_t { 8 } << 20,
                                                                      std::size_t { 16 } << 20 };

    std::array<double, 3> perBin {}; // in the cache, for each of sumsPerPassChoices
    std::array<std::array<double, streamedWorkingSets.size()>, 3> perBinStreamed {};
    std::array<double, 3> perTapByPiece {}; // pieces of 16, 32, 64 and more
};

} // namespace partita
