// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CommandLineParser.h"

#include "cli/UsageError.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace partita
{
namespace
{
ParsedCommand parse (std::vector<std::string> arguments)
{
    return parseCommandLine (arguments);
}

RenderOptions parseRender (std::vector<std::string> extra)
{
    std::vector<std::string> arguments { "render", "in.wav", "--ir", "ir.wav", "-o", "out.wav" };
    arguments.insert (arguments.end(), extra.begin(), extra.end());
    const auto command = parse (arguments);
    EXPECT_EQ (command.kind, CommandKind::render);
    return command.render;
}

/** The name of the command whose help the arguments ask for. */
std::string helpTopicOf (std::vector<std::string> arguments)
{
    const auto command = parse (arguments);
    EXPECT_EQ (command.kind, CommandKind::help);
    return command.helpTopic != nullptr ? std::string (command.helpTopic->name) : std::string ("(general)");
}

/** The message of the UsageError the arguments raise, or "" when they
    parse (which fails the calling test through the EXPECT). */
std::string usageErrorOf (std::vector<std::string> arguments)
{
    try
    {
        parse (arguments);
    }
    catch (const UsageError& error)
    {
        return error.what();
    }
    ADD_FAILURE() << "no UsageError";
    return {};
}
} // namespace

TEST (CommandLineParser, ParsesTheMinimalRenderCommandWithTheDocumentedDefaults)
{
    const auto options = parseRender ({});
    ASSERT_EQ (options.inputs.size(), 1u);
    EXPECT_EQ (options.inputs[0], "in.wav");
    EXPECT_EQ (options.impulseResponse, "ir.wav");
    EXPECT_EQ (options.output, "out.wav");
    EXPECT_EQ (options.mix, 1.0);
    EXPECT_EQ (options.wetGainDb, 0.0);
    EXPECT_EQ (options.dryGainDb, 0.0);
    EXPECT_EQ (options.outputGainDb, 0.0);
    EXPECT_EQ (options.normalisation, IrNormalisation::none);
    EXPECT_EQ (options.mode, ConvolutionMode::full);
    EXPECT_EQ (options.method, ConvolutionMethod::automatic);
    EXPECT_EQ (options.precision, Precision::float32);
    EXPECT_FALSE (options.sampleFormat.has_value());
    EXPECT_FALSE (options.outputChannels.has_value());
    EXPECT_FALSE (options.force);
    EXPECT_FALSE (options.quiet);
}

TEST (CommandLineParser, AcceptsOptionsBeforeBetweenAndAfterTheInputs)
{
    const auto command = parse ({ "render", "--ir", "ir.wav", "a.wav", "-o", "out/", "b.wav", "--force", "c.wav" });
    ASSERT_EQ (command.render.inputs.size(), 3u);
    EXPECT_EQ (command.render.inputs[0], "a.wav");
    EXPECT_EQ (command.render.inputs[1], "b.wav");
    EXPECT_EQ (command.render.inputs[2], "c.wav");
    EXPECT_EQ (command.render.output, "out/");
    EXPECT_TRUE (command.render.force);
}

TEST (CommandLineParser, ReadsEveryValueOption)
{
    const auto options = parseRender ({ "--mix",
                                        "35",
                                        "--wet-gain",
                                        "-3.5",
                                        "--dry-gain",
                                        "+2",
                                        "--gain",
                                        "-6.0206",
                                        "--normalize",
                                        "peak",
                                        "--mode",
                                        "valid",
                                        "--method",
                                        "fft",
                                        "--precision",
                                        "double",
                                        "--format",
                                        "24",
                                        "--output-channels",
                                        "2",
                                        "--force",
                                        "-q" });
    EXPECT_DOUBLE_EQ (options.mix, 0.35);
    EXPECT_DOUBLE_EQ (options.wetGainDb, -3.5);
    EXPECT_DOUBLE_EQ (options.dryGainDb, 2.0);
    EXPECT_DOUBLE_EQ (options.outputGainDb, -6.0206);
    EXPECT_EQ (options.normalisation, IrNormalisation::peak);
    EXPECT_EQ (options.mode, ConvolutionMode::valid);
    EXPECT_EQ (options.method, ConvolutionMethod::fft);
    EXPECT_EQ (options.precision, Precision::float64);
    EXPECT_EQ (options.sampleFormat, SampleFormat::pcm24);
    EXPECT_EQ (options.outputChannels, std::size_t { 2 });
    EXPECT_TRUE (options.force);
    EXPECT_TRUE (options.quiet);
}

TEST (CommandLineParser, ReadsValuesGivenWithAnEqualsSign)
{
    const auto command = parse ({ "render", "in.wav", "--ir=ir.wav", "--output=out.flac", "--mix=50%", "--gain=-1",
                                  "--mode=same", "--method=direct", "--format=16", "--normalize=energy" });
    EXPECT_EQ (command.render.impulseResponse, "ir.wav");
    EXPECT_EQ (command.render.output, "out.flac");
    EXPECT_DOUBLE_EQ (command.render.mix, 0.5);
    EXPECT_DOUBLE_EQ (command.render.outputGainDb, -1.0);
    EXPECT_EQ (command.render.mode, ConvolutionMode::same);
    EXPECT_EQ (command.render.method, ConvolutionMethod::direct);
    EXPECT_EQ (command.render.sampleFormat, SampleFormat::pcm16);
    EXPECT_EQ (command.render.normalisation, IrNormalisation::energy);
}

TEST (CommandLineParser, TakesLongOptionNamesForShortOnes)
{
    const auto options = parseRender ({ "--quiet" });
    EXPECT_TRUE (options.quiet);
    const auto command = parse ({ "render", "in.wav", "--ir", "ir.wav", "--output", "o.wav" });
    EXPECT_EQ (command.render.output, "o.wav");
}

TEST (CommandLineParser, ABareNormalizeMeansEnergyAndDoesNotSwallowAnInput)
{
    const auto command = parse ({ "render", "--normalize", "in.wav", "--ir", "ir.wav", "-o", "out.wav" });
    EXPECT_EQ (command.render.normalisation, IrNormalisation::energy);
    ASSERT_EQ (command.render.inputs.size(), 1u);
    EXPECT_EQ (command.render.inputs[0], "in.wav");

    EXPECT_EQ (parseRender ({ "--normalize" }).normalisation, IrNormalisation::energy);
    EXPECT_EQ (parseRender ({ "--normalise", "peak" }).normalisation, IrNormalisation::peak);
}

// Reported by a new user: `--normalize rms` (a typo) was taken as a bare
// --normalize and a second input, and the message spoke of the output folder.
TEST (CommandLineParser, ANormalisationThatIsNoneOfTheChoicesIsNamedAsSuch)
{
    for (const auto* typo : { "rms", "loudness", "Peak2", "energie" })
    {
        const auto message =
            usageErrorOf ({ "render", "in.wav", "--ir", "ir.wav", "--normalize", typo, "-o", "out.wav" });
        EXPECT_NE (message.find ("--normalize"), std::string::npos) << message;
        EXPECT_NE (message.find (typo), std::string::npos) << message;
        EXPECT_EQ (message.find ("folder"), std::string::npos) << message;
    }
}

TEST (CommandLineParser, AcceptsEachSampleFormatName)
{
    EXPECT_EQ (parseRender ({ "--format", "16" }).sampleFormat, SampleFormat::pcm16);
    EXPECT_EQ (parseRender ({ "--format", "24" }).sampleFormat, SampleFormat::pcm24);
    EXPECT_EQ (parseRender ({ "--format", "32" }).sampleFormat, SampleFormat::pcm32);
    EXPECT_EQ (parseRender ({ "--format", "float" }).sampleFormat, SampleFormat::float32);
    EXPECT_EQ (parseRender ({ "--format", "double" }).sampleFormat, SampleFormat::float64);
    EXPECT_EQ (parseRender ({ "--format", "vorbis" }).sampleFormat, SampleFormat::vorbis);
}

TEST (CommandLineParser, AcceptsTheEdgesOfTheMixRange)
{
    EXPECT_EQ (parseRender ({ "--mix", "0" }).mix, 0.0);
    EXPECT_EQ (parseRender ({ "--mix", "100" }).mix, 1.0);
    EXPECT_DOUBLE_EQ (parseRender ({ "--mix", "12.5" }).mix, 0.125);
}

TEST (CommandLineParser, TreatsEverythingAfterADoubleDashAsAnInput)
{
    const auto command = parse ({ "render", "--ir", "ir.wav", "-o", "out/", "--", "--help", "-q" });
    EXPECT_EQ (command.kind, CommandKind::render);
    ASSERT_EQ (command.render.inputs.size(), 2u);
    EXPECT_EQ (command.render.inputs[0], "--help");
    EXPECT_EQ (command.render.inputs[1], "-q");
    EXPECT_FALSE (command.render.quiet);
}

TEST (CommandLineParser, RecognisesHelpAndVersionEverywhere)
{
    EXPECT_EQ (parse ({ "--help" }).helpTopic, nullptr);
    EXPECT_EQ (parse ({ "-h" }).kind, CommandKind::help);
    EXPECT_EQ (parse ({ "help" }).helpTopic, nullptr);
    EXPECT_EQ (helpTopicOf ({ "help", "render" }), "render");
    EXPECT_EQ (helpTopicOf ({ "help", "info" }), "info");
    EXPECT_EQ (parse ({ "--version" }).kind, CommandKind::version);

    const auto renderHelp = parse ({ "render", "--help" });
    EXPECT_EQ (renderHelp.kind, CommandKind::help);
    EXPECT_EQ (helpTopicOf ({ "render", "--help" }), "render");

    // Help wins over errors elsewhere on the line.
    EXPECT_EQ (helpTopicOf ({ "render", "--bogus", "-h" }), "render");
    EXPECT_EQ (helpTopicOf ({ "info", "--help" }), "info");
}

TEST (CommandLineParser, ParsesInfoWithSeveralFiles)
{
    const auto command = parse ({ "info", "a.wav", "b.flac", "--", "-odd.wav" });
    EXPECT_EQ (command.kind, CommandKind::info);
    ASSERT_EQ (command.info.files.size(), 3u);
    EXPECT_EQ (command.info.files[2], "-odd.wav");
}

TEST (CommandLineParser, RejectsAMissingOrUnknownCommand)
{
    EXPECT_NE (usageErrorOf ({}).find ("no command"), std::string::npos);
    EXPECT_NE (usageErrorOf ({ "rendr" }).find ("unknown command 'rendr'"), std::string::npos);
    EXPECT_NE (usageErrorOf ({ "--frobnicate" }).find ("unknown option"), std::string::npos);
    EXPECT_NE (usageErrorOf ({ "help", "nothing" }).find ("no help on"), std::string::npos);
}

TEST (CommandLineParser, RejectsAnUnknownOption)
{
    EXPECT_NE (
        usageErrorOf ({ "render", "in.wav", "--ir", "ir.wav", "-o", "o.wav", "--wet" }).find ("unknown option '--wet'"),
        std::string::npos);
    EXPECT_NE (usageErrorOf ({ "render", "in.wav", "-x" }).find ("unknown option '-x'"), std::string::npos);
    EXPECT_NE (usageErrorOf ({ "info", "--verbose", "a.wav" }).find ("unknown option"), std::string::npos);
}

TEST (CommandLineParser, RejectsEveryOptionWithoutItsValue)
{
    for (const auto* option : { "--ir", "-o", "--output", "--mix", "--wet-gain", "--dry-gain", "--gain", "--mode",
                                "--method", "--precision", "--format", "--output-channels" })
    {
        const auto message = usageErrorOf ({ "render", "in.wav", option });
        EXPECT_NE (message.find ("needs a value"), std::string::npos) << option << ": " << message;
    }
    EXPECT_NE (usageErrorOf ({ "render", "in.wav", "--ir", "-o", "out.wav" }).find ("--ir needs a value"),
               std::string::npos);
    EXPECT_NE (usageErrorOf ({ "render", "in.wav", "--ir=", "-o", "out.wav" }).find ("--ir needs a value"),
               std::string::npos);
}

TEST (CommandLineParser, RejectsBadNumbers)
{
    const std::vector<std::vector<std::string>> cases {
        { "--mix", "fifty" },
        { "--mix", "101" },
        { "--mix", "-1" },
        { "--mix", "nan" },
        { "--mix", "" },
        { "--gain", "loud" },
        { "--gain", "3 volts" },
        { "--gain", "25" },
        { "--gain", "inf" },
        { "--gain", "1e400" },
        { "--wet-gain", "300" },
        { "--dry-gain", "--" },
        { "--output-channels", "0" },
        { "--output-channels", "2.5" },
        { "--output-channels", "-2" },
        { "--output-channels", "65" },
        { "--output-channels", "99999999999999999999999" },
    };
    for (const auto& extra : cases)
    {
        std::vector<std::string> arguments { "render", "in.wav", "--ir", "ir.wav", "-o", "out.wav" };
        arguments.insert (arguments.end(), extra.begin(), extra.end());
        const auto message = usageErrorOf (arguments);
        EXPECT_NE (message.find (extra[0]), std::string::npos) << extra[0] << " " << extra[1] << ": " << message;
    }
}

TEST (CommandLineParser, RejectsBadChoices)
{
    EXPECT_NE (usageErrorOf ({ "render", "i.wav", "--ir", "r.wav", "-o", "o.wav", "--mode", "centre" })
                   .find ("full, same or valid"),
               std::string::npos);
    EXPECT_NE (usageErrorOf ({ "render", "i.wav", "--ir", "r.wav", "-o", "o.wav", "--method", "fast" })
                   .find ("auto, direct or fft"),
               std::string::npos);
    EXPECT_NE (usageErrorOf ({ "render", "i.wav", "--ir", "r.wav", "-o", "o.wav", "--precision", "quad" })
                   .find ("single or double"),
               std::string::npos);
    EXPECT_NE (usageErrorOf ({ "render", "i.wav", "--ir", "r.wav", "-o", "o.wav", "--format", "8" }).find ("--format"),
               std::string::npos);
    EXPECT_NE (usageErrorOf ({ "render", "i.wav", "--ir", "r.wav", "-o", "o.wav", "--normalize=loudness" })
                   .find ("--normalize"),
               std::string::npos);
}

TEST (CommandLineParser, RejectsAFlagGivenAValue)
{
    EXPECT_NE (
        usageErrorOf ({ "render", "i.wav", "--ir", "r.wav", "-o", "o.wav", "--force=yes" }).find ("takes no value"),
        std::string::npos);
}

TEST (CommandLineParser, RejectsAnOptionGivenTwice)
{
    EXPECT_NE (
        usageErrorOf ({ "render", "i.wav", "--ir", "r.wav", "--ir", "s.wav", "-o", "o.wav" }).find ("more than once"),
        std::string::npos);
    EXPECT_NE (usageErrorOf ({ "render", "i.wav", "--ir", "r.wav", "-o", "o.wav", "--output", "p.wav" })
                   .find ("more than once"),
               std::string::npos);
}

TEST (CommandLineParser, RejectsARenderWithoutIrOutputOrInputs)
{
    EXPECT_NE (usageErrorOf ({ "render", "in.wav", "-o", "out.wav" }).find ("missing --ir"), std::string::npos);
    EXPECT_NE (usageErrorOf ({ "render", "in.wav", "--ir", "ir.wav" }).find ("missing -o"), std::string::npos);
    EXPECT_NE (usageErrorOf ({ "render", "--ir", "ir.wav", "-o", "out.wav" }).find ("no input files"),
               std::string::npos);
    EXPECT_NE (usageErrorOf ({ "render" }).find ("no input files"), std::string::npos);
    EXPECT_NE (usageErrorOf ({ "info" }).find ("no files"), std::string::npos);
}

TEST (CommandLineParser, TakesADashForStandardStreamsAndRejectsEmptyNames)
{
    const std::vector<std::string> arguments { "render", "-", "--ir", "r.wav", "-o", "-" };
    const auto parsed = parseCommandLine (arguments);
    EXPECT_EQ (parsed.render.inputs, std::vector<std::filesystem::path> { "-" });
    EXPECT_EQ (parsed.render.output, "-");
    EXPECT_NE (usageErrorOf ({ "info", "-", "-" }).find ("standard input ('-') can be read only once"),
               std::string::npos);
    EXPECT_NE (usageErrorOf ({ "render", "", "--ir", "r.wav", "-o", "o.wav" }).find ("empty"), std::string::npos);
}

TEST (CommandLineParser, KeepsUsageMessagesOnOneLine)
{
    const auto message = usageErrorOf ({ "render", "in.wav", "--bad\nname\r" });
    EXPECT_EQ (message.find ('\n'), std::string::npos) << message;
    EXPECT_EQ (message.find ('\r'), std::string::npos) << message;

    const auto longMessage = usageErrorOf ({ "render", "in.wav", "--" + std::string (100000, 'x') });
    EXPECT_LT (longMessage.size(), 400u);
}

TEST (CommandLineParser, NeverThrowsAnythingButUsageErrorOnGarbage)
{
    // Arguments built from the parser's own vocabulary and from random bytes,
    // so that the fuzz reaches deep paths (values, duplicates, "--") as well
    // as the obviously wrong ones.
    const std::vector<std::string> vocabulary {
        "render",
        "info",
        "help",
        "--help",
        "-h",
        "--version",
        "--",
        "-",
        "",
        "--ir",
        "-o",
        "--output",
        "--mix",
        "--wet-gain",
        "--dry-gain",
        "--gain",
        "--normalize",
        "--normalise",
        "--mode",
        "--method",
        "--precision",
        "--format",
        "--output-channels",
        "--force",
        "-q",
        "--quiet",
        "energy",
        "peak",
        "none",
        "full",
        "same",
        "valid",
        "auto",
        "direct",
        "fft",
        "single",
        "double",
        "16",
        "vorbis",
        "-6",
        "1e308",
        "1e-320",
        "nan",
        "-inf",
        "0x10",
        "50%",
        "%",
        "+",
        "=",
        "--ir=",
        "--mix=",
        "--force=1",
        "a.wav",
        "b/",
        "--=",
        "-o=",
        "\xff\xfe",
        std::string ("\0x", 2),
    };

    std::mt19937 random (20241121);
    std::uniform_int_distribution<std::size_t> countOf (0, 12);
    std::uniform_int_distribution<std::size_t> wordOf (0, vocabulary.size() - 1);
    std::uniform_int_distribution<int> byteOf (0, 255);
    std::bernoulli_distribution useRandomBytes (0.15);

    for (int trial = 0; trial < 20000; ++trial)
    {
        std::vector<std::string> arguments (countOf (random));
        for (auto& argument : arguments)
        {
            if (useRandomBytes (random))
            {
                argument.resize (countOf (random));
                for (auto& character : argument)
                    character = static_cast<char> (byteOf (random));
            }
            else
            {
                argument = vocabulary[wordOf (random)];
            }
        }

        try
        {
            parseCommandLine (arguments);
        }
        catch (const UsageError&)
        {
        }
        catch (const std::exception& error)
        {
            FAIL() << "trial " << trial << " threw " << error.what();
        }
    }
}

} // namespace partita
