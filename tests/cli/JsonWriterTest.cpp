// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON writer, checked by parsing what it writes with the independent
// reader of the tests and against escapes written out by hand from RFC 8259.
#include "cli/JsonWriter.h"

#include "JsonReader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace partita
{

TEST (JsonWriter, QuotesBackslashesAndEveryControlCharacterAreEscaped)
{
    EXPECT_EQ (JsonWriter::quoted ("a\"b\\c"), R"("a\"b\\c")");
    EXPECT_EQ (JsonWriter::quoted ("\b\f\n\r\t"), R"("\b\f\n\r\t")");
    EXPECT_EQ (JsonWriter::quoted (std::string ("\x01\x1f\x7f", 3)), R"("\u0001\u001f\u007f")");
    EXPECT_EQ (JsonWriter::quoted (std::string ("nul\0here", 8)), R"("nul\u0000here")");

    // Every byte below 0x20 reads back as itself.
    std::string controls;
    for (int c = 0; c < 0x20; ++c)
        controls += static_cast<char> (c);
    const auto parsed = test::parseJson (JsonWriter::quoted (controls));
    EXPECT_EQ (parsed.string, controls);
}

TEST (JsonWriter, ValidUtf8IsKeptAndOtherBytesBecomeTheReplacementCharacter)
{
    // é (2 bytes), € (3 bytes), 𝄞 (4 bytes) pass through unchanged.
    const std::string valid = "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9D\x84\x9E";
    EXPECT_EQ (JsonWriter::quoted (valid), "\"" + valid + "\"");

    const std::string replacement = "\xEF\xBF\xBD";
    // A Latin-1 byte, an overlong '/', a UTF-16 surrogate, a cut sequence,
    // a byte above F4: each invalid byte is one U+FFFD.
    EXPECT_EQ (JsonWriter::quoted ("n\xE9t"), "\"n" + replacement + "t\"");
    EXPECT_EQ (JsonWriter::quoted ("\xC0\xAF"), "\"" + replacement + replacement + "\"");
    EXPECT_EQ (JsonWriter::quoted ("\xED\xA0\x80"), "\"" + replacement + replacement + replacement + "\"");
    EXPECT_EQ (JsonWriter::quoted ("x\xE2\x82"), "\"x" + replacement + replacement + "\"");
    EXPECT_EQ (JsonWriter::quoted ("\xF5\x80\x80\x80").substr (0, 4), "\"" + replacement);

    // Whatever the bytes, a strict parser accepts the result.
    std::string everyByte;
    for (int c = 1; c < 256; ++c)
        everyByte += static_cast<char> (c);
    EXPECT_NO_THROW ((void)test::parseJson (JsonWriter::quoted (everyByte)));
}

TEST (JsonWriter, NumbersReadBackExactlyAndNonFiniteOnesAreNull)
{
    const double values[] = { 0.0, 1.0, -6.020599913279624, 0.1, 1.0e-300, 1.7976931348623157e308, 48000.0, 1.0 / 3.0 };
    JsonWriter json;
    json.beginArray();
    for (const double value : values)
        json.value (value);
    json.value (std::numeric_limits<double>::infinity());
    json.value (-std::numeric_limits<double>::infinity());
    json.value (std::nan (""));
    json.value (std::uint64_t { 18446744073709551615u });
    json.value (true);
    json.nullValue();
    json.endArray();
    ASSERT_TRUE (json.isComplete());

    const auto parsed = test::parseJson (json.text());
    ASSERT_EQ (parsed.array.size(), std::size (values) + 6);
    for (std::size_t index = 0; index < std::size (values); ++index)
    {
        ASSERT_EQ (parsed.array[index].kind, test::JsonValue::Kind::number);
        EXPECT_EQ (parsed.array[index].number, values[index]) << parsed.array[index].numberText;
    }
    EXPECT_EQ (parsed.array[6].numberText, "48000");
    for (std::size_t index = std::size (values); index < std::size (values) + 3; ++index)
        EXPECT_EQ (parsed.array[index].kind, test::JsonValue::Kind::null);
    EXPECT_EQ (parsed.array[std::size (values) + 3].numberText, "18446744073709551615");
    EXPECT_TRUE (parsed.array[std::size (values) + 4].boolean);
    EXPECT_EQ (parsed.array[std::size (values) + 5].kind, test::JsonValue::Kind::null);
}

TEST (JsonWriter, NestedObjectsAndArraysKeepTheirKeysInOrder)
{
    JsonWriter json;
    json.beginObject();
    json.key ("name");
    json.value ("hall");
    json.key ("empty_array");
    json.beginArray();
    json.endArray();
    json.key ("empty_object");
    json.beginObject();
    json.endObject();
    json.key ("levels");
    json.beginArray();
    json.beginObject();
    json.key ("peak");
    json.value (0.5);
    json.endObject();
    json.endArray();
    json.endObject();

    EXPECT_EQ (json.text(), "{\n  \"name\": \"hall\",\n  \"empty_array\": [],\n  \"empty_object\": {},\n"
                            "  \"levels\": [\n    {\n      \"peak\": 0.5\n    }\n  ]\n}");
    const auto parsed = test::parseJson (json.text());
    EXPECT_EQ (parsed.keys, (std::vector<std::string> { "name", "empty_array", "empty_object", "levels" }));
    EXPECT_EQ (parsed["levels"].array.at (0)["peak"].number, 0.5);
}

TEST (JsonWriter, NestingMistakesThrowInsteadOfWritingInvalidJson)
{
    {
        JsonWriter json;
        json.beginObject();
        EXPECT_THROW (json.value ("no key"), std::logic_error);
    }
    {
        JsonWriter json;
        json.beginArray();
        EXPECT_THROW (json.key ("key in an array"), std::logic_error);
        EXPECT_THROW (json.endObject(), std::logic_error);
    }
    {
        JsonWriter json;
        json.beginObject();
        json.key ("dangling");
        EXPECT_THROW (json.endObject(), std::logic_error);
        EXPECT_FALSE (json.isComplete());
    }
    {
        JsonWriter json;
        json.value (1.0);
        EXPECT_THROW (json.value (2.0), std::logic_error);
    }
}

TEST (JsonReader, RefusesWhatTheRfcDoesNotAllow)
{
    // The reader is the check on the writer: it must not be lenient.
    for (const char* bad : { "[1,]", "{\"a\":1,}", "\"\x01\"", "\"\\x\"", "\"\\ud800\"", "NaN", "Infinity", "01",
                             "[1] 2", "\"\xC0\xAF\"", "{'a':1}" })
        EXPECT_THROW ((void)test::parseJson (bad), std::runtime_error) << bad;
    EXPECT_EQ (test::parseJson ("\"\\ud834\\udd1e\"").string, "\xF0\x9D\x84\x9E");
}

} // namespace partita
