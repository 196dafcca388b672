// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonReader.h"

#include <cstdlib>
#include <stdexcept>

namespace partita::test
{

namespace
{
class Parser
{
public:
    explicit Parser (std::string_view jsonText)
        : text (jsonText)
    {
    }

    JsonValue document()
    {
        skipSpace();
        auto result = parseValue();
        skipSpace();
        if (position != text.size())
            fail ("text after the value");
        return result;
    }

private:
    [[noreturn]] void fail (const std::string& what) const
    {
        throw std::runtime_error ("JSON: " + what + " at byte " + std::to_string (position));
    }

    char peek() const { return position < text.size() ? text[position] : '\0'; }

    void expect (char wanted)
    {
        if (peek() != wanted)
            fail (std::string ("expected '") + wanted + "'");
        ++position;
    }

    void skipSpace()
    {
        while (position < text.size()
               && (text[position] == ' ' || text[position] == '\t' || text[position] == '\n' || text[position] == '\r'))
            ++position;
    }

    void literal (std::string_view word)
    {
        if (text.substr (position, word.size()) != word)
            fail ("unknown literal");
        position += word.size();
    }

    JsonValue parseValue()
    {
        JsonValue value;
        switch (peek())
        {
            case '{':
                parseObject (value);
                break;
            case '[':
                parseArray (value);
                break;
            case '"':
                value.kind = JsonValue::Kind::string;
                value.string = parseString();
                break;
            case 't':
                literal ("true");
                value.kind = JsonValue::Kind::boolean;
                value.boolean = true;
                break;
            case 'f':
                literal ("false");
                value.kind = JsonValue::Kind::boolean;
                break;
            case 'n':
                literal ("null");
                break;
            default:
                parseNumber (value);
                break;
        }
        return value;
    }

    void parseObject (JsonValue& value)
    {
        value.kind = JsonValue::Kind::object;
        expect ('{');
        skipSpace();
        if (peek() == '}')
        {
            ++position;
            return;
        }
        for (;;)
        {
            skipSpace();
            auto key = parseString();
            skipSpace();
            expect (':');
            skipSpace();
            value.keys.push_back (key);
            value.object[key] = parseValue();
            skipSpace();
            if (peek() == ',')
            {
                ++position;
                continue;
            }
            expect ('}');
            return;
        }
    }

    void parseArray (JsonValue& value)
    {
        value.kind = JsonValue::Kind::array;
        expect ('[');
        skipSpace();
        if (peek() == ']')
        {
            ++position;
            return;
        }
        for (;;)
        {
            skipSpace();
            value.array.push_back (parseValue());
            skipSpace();
            if (peek() == ',')
            {
                ++position;
                continue;
            }
            expect (']');
            return;
        }
    }

    unsigned hexQuad()
    {
        if (position + 4 > text.size())
            fail ("short \\u escape");
        unsigned code = 0;
        for (int i = 0; i < 4; ++i)
        {
            const char c = text[position++];
            code <<= 4;
            if (c >= '0' && c <= '9')
                code |= static_cast<unsigned> (c - '0');
            else if (c >= 'a' && c <= 'f')
                code |= static_cast<unsigned> (c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                code |= static_cast<unsigned> (c - 'A' + 10);
            else
                fail ("bad hex digit");
        }
        return code;
    }

    static void appendUtf8 (std::string& out, unsigned code)
    {
        if (code < 0x80)
            out += static_cast<char> (code);
        else if (code < 0x800)
        {
            out += static_cast<char> (0xC0 | (code >> 6));
            out += static_cast<char> (0x80 | (code & 0x3F));
        }
        else if (code < 0x10000)
        {
            out += static_cast<char> (0xE0 | (code >> 12));
            out += static_cast<char> (0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char> (0x80 | (code & 0x3F));
        }
        else
        {
            out += static_cast<char> (0xF0 | (code >> 18));
            out += static_cast<char> (0x80 | ((code >> 12) & 0x3F));
            out += static_cast<char> (0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char> (0x80 | (code & 0x3F));
        }
    }

    /** Decodes one UTF-8 sequence by its definition and appends it. */
    void copyUtf8Sequence (std::string& out)
    {
        const auto lead = static_cast<unsigned char> (text[position]);
        int continuation = 0;
        unsigned code = 0;
        if (lead >= 0xC0 && lead < 0xE0)
        {
            continuation = 1;
            code = lead & 0x1Fu;
        }
        else if (lead >= 0xE0 && lead < 0xF0)
        {
            continuation = 2;
            code = lead & 0x0Fu;
        }
        else if (lead >= 0xF0 && lead < 0xF8)
        {
            continuation = 3;
            code = lead & 0x07u;
        }
        else
            fail ("invalid UTF-8 lead byte");
        if (position + 1 + static_cast<std::size_t> (continuation) > text.size())
            fail ("cut UTF-8 sequence");
        for (int i = 1; i <= continuation; ++i)
        {
            const auto byte = static_cast<unsigned char> (text[position + static_cast<std::size_t> (i)]);
            if ((byte & 0xC0u) != 0x80u)
                fail ("invalid UTF-8 continuation byte");
            code = (code << 6) | (byte & 0x3Fu);
        }
        static constexpr unsigned smallest[] = { 0, 0x80, 0x800, 0x10000 };
        if (code < smallest[continuation] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            fail ("overlong or out-of-range UTF-8");
        out.append (text.substr (position, 1 + static_cast<std::size_t> (continuation)));
        position += 1 + static_cast<std::size_t> (continuation);
    }

    std::string parseString()
    {
        expect ('"');
        std::string out;
        for (;;)
        {
            if (position >= text.size())
                fail ("unterminated string");
            const auto c = static_cast<unsigned char> (text[position]);
            if (c == '"')
            {
                ++position;
                return out;
            }
            if (c < 0x20)
                fail ("raw control character in a string");
            if (c >= 0x80)
            {
                copyUtf8Sequence (out);
                continue;
            }
            ++position;
            if (c != '\\')
            {
                out += static_cast<char> (c);
                continue;
            }
            const char escape = peek();
            ++position;
            switch (escape)
            {
                case '"':
                case '\\':
                case '/':
                    out += escape;
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u':
                {
                    auto code = hexQuad();
                    if (code >= 0xDC00 && code <= 0xDFFF)
                        fail ("lone low surrogate");
                    if (code >= 0xD800 && code <= 0xDBFF)
                    {
                        if (text.substr (position, 2) != "\\u")
                            fail ("lone high surrogate");
                        position += 2;
                        const auto low = hexQuad();
                        if (low < 0xDC00 || low > 0xDFFF)
                            fail ("bad low surrogate");
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    }
                    appendUtf8 (out, code);
                    break;
                }
                default:
                    fail ("unknown escape");
            }
        }
    }

    bool digitAt (std::size_t index) const { return index < text.size() && text[index] >= '0' && text[index] <= '9'; }

    void parseNumber (JsonValue& value)
    {
        const auto start = position;
        if (peek() == '-')
            ++position;
        if (peek() == '0')
            ++position;
        else if (digitAt (position))
            while (digitAt (position))
                ++position;
        else
            fail ("not a value");
        if (peek() == '.')
        {
            ++position;
            if (!digitAt (position))
                fail ("no digit after '.'");
            while (digitAt (position))
                ++position;
        }
        if (peek() == 'e' || peek() == 'E')
        {
            ++position;
            if (peek() == '+' || peek() == '-')
                ++position;
            if (!digitAt (position))
                fail ("no digit in the exponent");
            while (digitAt (position))
                ++position;
        }
        value.kind = JsonValue::Kind::number;
        value.numberText = std::string (text.substr (start, position - start));
        value.number = std::strtod (value.numberText.c_str(), nullptr);
    }

    std::string_view text;
    std::size_t position = 0;
};
} // namespace

JsonValue parseJson (std::string_view text)
{
    return Parser (text).document();
}

} // namespace partita::test
