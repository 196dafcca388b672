// SPDX-License-Identifier: GPL-3.0-or-later
#include "CostModel.h"

#include "AlignedBuffer.h"
#include "DirectHeadFilter.h"
#include "FftwPlanner.h"
#include "InterleavedTimer.h"
#include "SplitRealFft.h"
#include "SplitSpectrum.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <utility>
#include <vector>

#if __has_include(<unistd.h>)
#include <unistd.h>
#endif

namespace partita
{
namespace
{
/** `spectra` kernel and input spectra of `bins` bins, multiplied and
    summed spectraPerCall at a time into `sums` sums, as the engine's levels do. */
class MultiplyAccumulateWork
{
public:
    MultiplyAccumulateWork (std::size_t numSpectra, std::size_t numBins, std::size_t numSums)
        : spectra (numSpectra)
        , bins (numBins)
        , sums (numSums)
        , stride (AlignedBuffer<float>::alignedStride (numBins))
        , operands (4 * (numSpectra + numSums) * stride)
        , accumulators (2 * numSums * stride)
        , pointers (4 * (numSpectra + numSums))
    {
        std::fill_n (operands.data(), operands.size(), 1.0e-3f);
        for (std::size_t i = 0; i < pointers.size(); ++i)
            pointers[i] = operands.data() + i * stride;
        for (std::size_t sum = 0; sum < sums; ++sum)
        {
            sumReal[sum] = accumulators.data() + 2 * sum * stride;
            sumImag[sum] = sumReal[sum] + stride;
        }
    }

    void operator()()
    {
        constexpr auto perCall = splitSpectrum::spectraPerCall;
        const auto span = spectra + sums; // each operand's pointers, the kernel's reaching `sums` further
        for (std::size_t first = 0; first < spectra; first += perCall)
        {
            const auto* spectrum = pointers.data() + first;
            splitSpectrum::multiplyAccumulate ({ .input = { spectrum, spectrum + span },
                                                 .kernel = { spectrum + 2 * span, spectrum + 3 * span },
                                                 .sums = { sumReal.data(), sumImag.data() },
                                                 .count = perCall,
                                                 .sumsPerPass = sums,
                                                 .numBins = bins });
        }
    }

    /** Bin products per call, counted for each sum. */
    [[nodiscard]] double binsPerCall() const noexcept { return static_cast<double> (bins * spectra * sums); }

private:
    std::size_t spectra, bins, sums, stride;
    AlignedBuffer<float> operands, accumulators;
    std::vector<const float*> pointers;
    std::array<float*, splitSpectrum::maxSumsPerPass> sumReal {}, sumImag {};
};
/** One forward and one inverse transform of `size` points. */
class TransformWork
{
public:
    explicit TransformWork (std::size_t size)
        : fft (size, FftPlanning::measure)
        , real (fft.numBins())
        , imag (real)
    {
        std::fill (fft.timeData().begin(), fft.timeData().end(), 0.25f);
    }

    void operator()()
    {
        fft.forward (real.data(), imag.data());
        fft.inverse (real.data(), imag.data());
    }

private:
    SplitRealFft fft;
    std::vector<float> real, imag;
};

/** A 256-tap direct head over 256 samples, run in pieces of `piece`. */
class DirectHeadWork
{
public:
    explicit DirectHeadWork (std::size_t pieceLength)
        : piece (pieceLength)
        , filter (std::vector<float> (taps, 1.0e-3f))
        , input (2 * taps, 0.5f)
        , output (taps, 0.0f)
    {
    }

    void operator()()
    {
        for (std::size_t first = 0; first < taps; first += piece)
            filter.process (input.data() + taps + first, output.data() + first, piece);
    }

    /** Tap products per call. */
    [[nodiscard]] static double tapsPerCall() noexcept { return static_cast<double> (taps * taps); }

private:
    static constexpr std::size_t taps = 256;
    std::size_t piece;
    DirectHeadFilter filter;
    std::vector<float> input, output;
};

/** Works of one kind, at fixed addresses for the timer, with their figures. */
template <typename Work>
class TimedWorks
{
public:
    void add (InterleavedTimer& timer, std::unique_ptr<Work> work)
    {
        auto& added = *works.emplace_back (std::move (work));
        figures.push_back (timer.add ([&added] { added(); }));
    }

    [[nodiscard]] const Work& work (std::size_t index) const { return *works[index]; }
    [[nodiscard]] double secondsPerCall (const InterleavedTimer& timer, std::size_t index) const
    {
        return timer.secondsPerCall (figures[index]);
    }

private:
    std::vector<std::unique_ptr<Work>> works;
    std::vector<std::size_t> figures;
};
} // namespace

std::size_t CostModel::cachedWorkingSetBytes() noexcept
{
    static const std::size_t bytes = []
    {
#if defined(_SC_LEVEL2_CACHE_SIZE)
        const long reported = ::sysconf (_SC_LEVEL2_CACHE_SIZE);
        if (reported > 0)
            return static_cast<std::size_t> (reported);
#endif
        return std::size_t { 1 } << 20;
    }();
    return bytes;
}

CostModel::CostModel (double secondsPerFftUnit, double secondsPerBin, double secondsPerTap) noexcept
    : CostModel (secondsPerFftUnit, { secondsPerBin, secondsPerBin, secondsPerBin }, secondsPerTap)
{
}

CostModel::CostModel (double secondsPerFftUnit, const std::array<double, 3>& secondsPerBinBySums,
                      double secondsPerTap) noexcept
    : perBin (secondsPerBinBySums)
{
    for (std::size_t index = 0; index < perBin.size(); ++index)
        perBinStreamed[index].fill (perBin[index]);
    perTapByPiece.fill (secondsPerTap);
    for (std::size_t size = smallestFft; size <= largestFft; size *= 2)
    {
        const auto n = static_cast<double> (size);
        fftBySize[indexOf (size)] = secondsPerFftUnit * n * std::log2 (n);
    }
}

const CostModel& CostModel::measured()
{
    static const CostModel model = []
    {
        auto result = measure();
        const auto wisdom = fftwPlanner::wisdomPath();
        if (wisdom.empty())
            return result;
        const auto file = std::filesystem::path (wisdom.string() + ".cost-model");
        std::ifstream stream (file, std::ios::binary);
        std::ostringstream text;
        if (stream)
            text << stream.rdbuf();
        if (const auto kept = parse (text.str()))
            result = lowerOf (result, *kept);
        fftwPlanner::replaceFile (file, result.serialise());
        return result;
    }();
    return model;
}

CostModel CostModel::measure()
{
    CostModel result;
    InterleavedTimer timer;
    TimedWorks<TransformWork> transforms;
    for (std::size_t size = smallestFft; size <= largestFft; size *= 2)
        transforms.add (timer, std::make_unique<TransformWork> (size));

    // 32 spectra of 1025 bins (256 KiB of operands) stay in cache;
    // spectra of 4097 bins fill each of the streamed working sets, as a
    // level's kernel and delay line do (a single figure from memory
    // mispriced mid-sized levels: docs/engine.md, "The cost model").
    // Each with every number of sums a pass.
    constexpr std::size_t streamedBins = 4097;
    TimedWorks<MultiplyAccumulateWork> cached, streamed;
    for (const auto sums : sumsPerPassChoices)
    {
        cached.add (timer, std::make_unique<MultiplyAccumulateWork> (32, 1025, sums));
        for (const auto bytes : streamedWorkingSets)
        {
            const auto spectra =
                bytes / (16 * streamedBins) / splitSpectrum::spectraPerCall * splitSpectrum::spectraPerCall;
            streamed.add (timer, std::make_unique<MultiplyAccumulateWork> (spectra, streamedBins, sums));
        }
    }

    TimedWorks<DirectHeadWork> heads;
    for (std::size_t index = 0; index < result.perTapByPiece.size(); ++index)
        heads.add (timer, std::make_unique<DirectHeadWork> (std::size_t { 16 } << index));

    timer.run();
    for (std::size_t index = 0; index < result.fftBySize.size(); ++index)
        result.fftBySize[index] = 0.5 * transforms.secondsPerCall (timer, index);
    for (std::size_t index = 0; index < result.perBin.size(); ++index)
    {
        result.perBin[index] = cached.secondsPerCall (timer, index) / cached.work (index).binsPerCall();
        for (std::size_t size = 0; size < streamedWorkingSets.size(); ++size)
        {
            const auto figure = index * streamedWorkingSets.size() + size;
            result.perBinStreamed[index][size] = std::max (
                result.perBin[index], streamed.secondsPerCall (timer, figure) / streamed.work (figure).binsPerCall());
        }
        // Never cheaper for a larger working set.
        for (std::size_t size = 1; size < streamedWorkingSets.size(); ++size)
            result.perBinStreamed[index][size] =
                std::max (result.perBinStreamed[index][size], result.perBinStreamed[index][size - 1]);
    }
    for (std::size_t index = 0; index < result.perTapByPiece.size(); ++index)
        result.perTapByPiece[index] = heads.secondsPerCall (timer, index) / DirectHeadWork::tapsPerCall();
    return result;
}

double CostModel::multiplyAccumulateSecondsPerBin (std::size_t workingSetBytes, std::size_t sums) const noexcept
{
    const std::size_t index = sums >= 4 ? 2 : sums >= 2 ? 1 : 0;
    if (workingSetBytes <= cachedWorkingSetBytes())
        return perBin[index];
    const auto& figures = perBinStreamed[index];
    if (workingSetBytes <= streamedWorkingSets.front())
        return figures.front();
    for (std::size_t size = 1; size < streamedWorkingSets.size(); ++size)
    {
        if (workingSetBytes <= streamedWorkingSets[size])
        {
            const auto low = std::log2 (static_cast<double> (streamedWorkingSets[size - 1]));
            const auto high = std::log2 (static_cast<double> (streamedWorkingSets[size]));
            const auto at = (std::log2 (static_cast<double> (workingSetBytes)) - low) / (high - low);
            return figures[size - 1] + at * (figures[size] - figures[size - 1]);
        }
    }
    return figures.back();
}

namespace
{
constexpr std::string_view formatName = "partita-cost-model 1";

/** The CPU's name where the system says, and its cache: figures from another
    machine are not this one's. */
std::string machineName()
{
    std::string name = "unknown CPU";
    std::ifstream cpuinfo ("/proc/cpuinfo");
    for (std::string line; std::getline (cpuinfo, line);)
    {
        if (line.rfind ("model name", 0) == 0)
        {
            name = line.substr (line.find (':') == std::string::npos ? line.size() : line.find (':') + 1);
            break;
        }
    }
    return name + "; cache " + std::to_string (CostModel::cachedWorkingSetBytes());
}
} // namespace

template <typename Model, typename Visit>
void CostModel::visitFigures (Model& model, Visit&& visit)
{
    for (auto& figure : model.fftBySize)
        visit (figure);
    for (auto& figure : model.perBin)
        visit (figure);
    for (auto& figures : model.perBinStreamed)
        for (auto& figure : figures)
            visit (figure);
    for (auto& figure : model.perTapByPiece)
        visit (figure);
}

std::string CostModel::serialise() const
{
    std::ostringstream text;
    text << formatName << "\n" << machineName() << "\n";
    text << std::hexfloat; // exact, and read back by strtod
    visitFigures (*this, [&text] (double figure) { text << figure << "\n"; });
    return text.str();
}

std::optional<CostModel> CostModel::parse (std::string_view text)
{
    std::istringstream stream { std::string (text) };
    std::string format, machine;
    if (!std::getline (stream, format) || format != formatName || !std::getline (stream, machine)
        || machine != machineName())
        return std::nullopt;
    CostModel model;
    bool valid = true;
    visitFigures (model,
                  [&] (double& figure)
                  {
                      std::string line;
                      if (!valid || !std::getline (stream, line) || line.empty())
                      {
                          valid = false;
                          return;
                      }
                      char* end = nullptr;
                      figure = std::strtod (line.c_str(), &end);
                      // Figures are times: finite and positive, or the file is damaged.
                      valid = end == line.c_str() + line.size() && std::isfinite (figure) && figure > 0.0;
                  });
    if (!valid)
        return std::nullopt;
    return model;
}

CostModel CostModel::lowerOf (const CostModel& a, const CostModel& b) noexcept
{
    CostModel lower = a;
    std::vector<double> others;
    visitFigures (b, [&others] (double figure) { others.push_back (figure); });
    std::size_t index = 0;
    visitFigures (lower, [&] (double& figure) { figure = std::min (figure, others[index++]); });
    return lower;
}

double CostModel::fftSeconds (std::size_t size) const noexcept
{
    return fftBySize[indexOf (std::clamp (size, smallestFft, largestFft))];
}

std::size_t CostModel::indexOf (std::size_t size) noexcept
{
    return static_cast<std::size_t> (std::countr_zero (size) - std::countr_zero (smallestFft));
}

} // namespace partita
