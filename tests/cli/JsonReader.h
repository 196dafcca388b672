// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace partita::test
{

/** A parsed JSON value. Written for the tests from RFC 8259 alone, sharing
    nothing with the JsonWriter it checks. */
struct JsonValue
{
    enum class Kind
    {
        null,
        boolean,
        number,
        string,
        array,
        object,
    };

    Kind kind = Kind::null;
    bool boolean = false;
    double number = 0.0;
    /** The number's text as written, to tell 48000 from 48000.0. */
    std::string numberText;
    std::string string;
    std::vector<JsonValue> array;
    std::map<std::string, JsonValue> object;
    /** The object's keys in the order written (duplicates included). */
    std::vector<std::string> keys;

    [[nodiscard]] bool has (const std::string& key) const { return object.count (key) != 0; }
    [[nodiscard]] const JsonValue& operator[] (const std::string& key) const { return object.at (key); }
};

/** Parses a whole JSON text, surrounding whitespace allowed; throws
    std::runtime_error naming the byte offset for anything the RFC does not
    allow: trailing commas, raw control characters in strings, unknown
    escapes, lone surrogates, invalid UTF-8, bare NaN or Infinity, leading
    zeros, trailing text. */
JsonValue parseJson (std::string_view text);

} // namespace partita::test
