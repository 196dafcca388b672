// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonWriter.h"

#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace partita
{

namespace
{
/** The replacement character, for bytes that are not UTF-8. */
constexpr std::string_view replacementCharacter = "\xEF\xBF\xBD";

/** The length of the well-formed UTF-8 sequence starting at text[0]
    (Unicode 15, table 3-7: no overlong forms, no surrogates, nothing above
    U+10FFFF), or 0 when it is not one. */
std::size_t validSequenceLength (std::string_view text) noexcept
{
    const auto byte = [&text] (std::size_t index) { return static_cast<unsigned char> (text[index]); };
    const auto lead = byte (0);
    if (lead < 0x80)
        return 1;

    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF)
        length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF)
    {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0;
        if (lead == 0xED)
            high = 0x9F;
    }
    else if (lead >= 0xF0 && lead <= 0xF4)
    {
        length = 4;
        if (lead == 0xF0)
            low = 0x90;
        if (lead == 0xF4)
            high = 0x8F;
    }
    else
        return 0;

    if (text.size() < length)
        return 0;
    // Only the second byte has a narrowed range; the others are 80..BF.
    if (byte (1) < low || byte (1) > high)
        return 0;
    for (std::size_t index = 2; index < length; ++index)
        if (byte (index) < 0x80 || byte (index) > 0xBF)
            return 0;
    return length;
}

void appendEscaped (std::string& out, char character)
{
    switch (character)
    {
        case '"':
            out += "\\\"";
            return;
        case '\\':
            out += "\\\\";
            return;
        case '\b':
            out += "\\b";
            return;
        case '\f':
            out += "\\f";
            return;
        case '\n':
            out += "\\n";
            return;
        case '\r':
            out += "\\r";
            return;
        case '\t':
            out += "\\t";
            return;
        default:
            break;
    }
    const auto code = static_cast<unsigned char> (character);
    if (code < 0x20 || code == 0x7F)
    {
        constexpr std::string_view hex = "0123456789abcdef";
        out += "\\u00";
        out += hex[code >> 4];
        out += hex[code & 0xF];
        return;
    }
    out += character;
}
} // namespace

std::string JsonWriter::quoted (std::string_view text)
{
    std::string out = "\"";
    std::size_t position = 0;
    while (position < text.size())
    {
        const auto length = validSequenceLength (text.substr (position));
        if (length == 0)
        {
            out += replacementCharacter;
            ++position;
        }
        else if (length == 1)
        {
            appendEscaped (out, text[position]);
            ++position;
        }
        else
        {
            out.append (text.substr (position, length));
            position += length;
        }
    }
    return out + "\"";
}

void JsonWriter::newLine()
{
    output += '\n';
    output.append (2 * levels.size(), ' ');
}

void JsonWriter::beforeValue()
{
    if (levels.empty())
    {
        if (topLevelWritten)
            throw std::logic_error ("JsonWriter: a second top-level value");
        topLevelWritten = true;
        return;
    }
    auto& level = levels.back();
    if (level.scope == Scope::object)
    {
        if (!level.keyPending)
            throw std::logic_error ("JsonWriter: a value in an object without a key");
        level.keyPending = false;
        return;
    }
    if (level.members++ > 0)
        output += ',';
    newLine();
}

void JsonWriter::key (std::string_view name)
{
    if (levels.empty() || levels.back().scope != Scope::object || levels.back().keyPending)
        throw std::logic_error ("JsonWriter: a key outside an object or after another key");
    auto& level = levels.back();
    if (level.members++ > 0)
        output += ',';
    newLine();
    output += quoted (name);
    output += ": ";
    level.keyPending = true;
}

void JsonWriter::beginObject()
{
    beforeValue();
    output += '{';
    levels.push_back ({ Scope::object });
}

void JsonWriter::beginArray()
{
    beforeValue();
    output += '[';
    levels.push_back ({ Scope::array });
}

void JsonWriter::close (Scope scope)
{
    if (levels.empty() || levels.back().scope != scope || levels.back().keyPending)
        throw std::logic_error ("JsonWriter: a close that matches no open");
    const bool empty = levels.back().members == 0;
    levels.pop_back();
    if (!empty)
        newLine();
    output += scope == Scope::object ? '}' : ']';
}

void JsonWriter::endObject()
{
    close (Scope::object);
}

void JsonWriter::endArray()
{
    close (Scope::array);
}

void JsonWriter::value (std::string_view text)
{
    beforeValue();
    output += quoted (text);
}

void JsonWriter::value (double number)
{
    if (!std::isfinite (number))
    {
        nullValue();
        return;
    }
    beforeValue();
    std::array<char, 32> digits {};
    const auto result = std::to_chars (digits.data(), digits.data() + digits.size(), number);
    output.append (digits.data(), result.ptr);
}

void JsonWriter::value (std::uint64_t number)
{
    beforeValue();
    output += std::to_string (number);
}

void JsonWriter::value (bool flag)
{
    beforeValue();
    output += flag ? "true" : "false";
}

void JsonWriter::nullValue()
{
    beforeValue();
    output += "null";
}

bool JsonWriter::isComplete() const noexcept
{
    return topLevelWritten && levels.empty();
}

void writeFileErrorJson (JsonWriter& json, std::string_view file, std::string_view message)
{
    json.beginObject();
    json.key ("file");
    json.value (file);
    json.key ("error");
    json.value (message);
    json.endObject();
}

} // namespace partita
