// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace partita
{

/** Builds one JSON text (RFC 8259), indented by two spaces, for what the
    command line prints for scripts (`partita info --json`). Small on
    purpose: the project needs objects, arrays, strings and numbers, and no
    JSON library is worth a dependency for that.

    Strings are escaped as the RFC asks (quote, backslash, control
    characters); bytes that are not valid UTF-8 (a file name on Linux may
    hold any byte but '/' and NUL) become U+FFFD, so the text stays valid
    UTF-8 that every parser accepts. Non-finite numbers, which JSON cannot
    hold, are written as null.

    Nesting mistakes (a value where a key is due, a close without an open)
    throw std::logic_error: they are bugs in the caller, not in the data.

    Threading: one thread at a time per object. */
class JsonWriter
{
public:
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();

    /** The key of the next value; only inside an object. */
    void key (std::string_view name);

    void value (std::string_view text);
    void value (const char* text) { value (std::string_view (text)); }
    /** The shortest decimal that reads back as the same double; null for
        NaN and infinities. */
    void value (double number);
    void value (std::uint64_t number);
    void value (bool flag);
    void nullValue();

    /** The text so far; complete once every object and array is closed. */
    [[nodiscard]] const std::string& text() const noexcept { return output; }
    [[nodiscard]] bool isComplete() const noexcept;

    /** `text` as a JSON string literal, quotes included. */
    [[nodiscard]] static std::string quoted (std::string_view text);

private:
    enum class Scope
    {
        object,
        array,
    };

    struct Level
    {
        Scope scope;
        std::size_t members = 0;
        bool keyPending = false;
    };

    void beforeValue();
    void newLine();
    void close (Scope scope);

    std::string output;
    std::vector<Level> levels;
    bool topLevelWritten = false;
};

/** {"file": name, "error": message}: what `info --json` and `analyze --json`
    write in place of a file they could not read, so scripts see one shape. */
void writeFileErrorJson (JsonWriter& json, std::string_view file, std::string_view message);

} // namespace partita
